//! The app: the shell (`shell`) around the router and its routes, one per chapter
//! and page.

use crate::chapters;
use crate::home::Home;
use crate::pages::{NotFound, SourcesPage};
use crate::shell::{provide_contexts, Footer, Header, SkipLink};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

pub use crate::shell::use_page_title;

/// The root component: provides language, theme and base path, then routes.
#[component]
pub fn App() -> impl IntoView {
    let base = provide_contexts();
    view! {
        <Router base=base>
            <SkipLink />
            <Header />
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/what-is-restaking") view=chapters::what_is::Chapter />
                    <Route path=path!("/how-it-works") view=chapters::mechanism::Chapter />
                    <Route path=path!("/use-cases") view=chapters::use_cases::Chapter />
                    <Route path=path!("/lst-vs-restaking") view=chapters::lst_vs_restaking::Chapter />
                    <Route path=path!("/network-security") view=chapters::network::Chapter />
                    <Route path=path!("/risks") view=chapters::risks::Chapter />
                    <Route path=path!("/strategy") view=chapters::strategy::Chapter />
                    <Route path=path!("/regulation") view=chapters::regulation::Chapter />
                    <Route path=path!("/who-should-take-part") view=chapters::who::Chapter />
                    <Route path=path!("/sources") view=SourcesPage />
                    <Route path=path!("/glossary") view=crate::glossary::GlossaryPage />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
