//! The app: the shell (`shell`) around the router and its routes, one per chapter
//! and page.

use crate::chapters;
use crate::home::Home;
use crate::pages::NotFound;
use crate::shell::{provide_contexts, Footer, Header, SkipLink};
use crate::widgets::OwnTask;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

pub use crate::shell::use_page_title;

/// Every page behind a function of its own that is never inlined. The browser
/// compiles a wasm function when it is first called; inlined, the smaller chapters
/// were part of the router's one dispatch function (86 KB of code), compiled on every
/// first load whichever page was asked for. Type-erased (`AnyView`), so the router
/// holds one view type for all of them.
mod page {
    use super::chapters;
    use leptos::prelude::*;

    macro_rules! page {
        ($($name:ident => $page:path),* $(,)?) => {$(
            #[inline(never)]
            pub fn $name() -> AnyView {
                $page().into_any()
            }
        )*};
    }

    page! {
        what_is => chapters::what_is::Chapter,
        mechanism => chapters::mechanism::Chapter,
        use_cases => chapters::use_cases::Chapter,
        lst_vs_restaking => chapters::lst_vs_restaking::Chapter,
        network => chapters::network::Chapter,
        risks => chapters::risks::Chapter,
        strategy => chapters::strategy::Chapter,
        regulation => chapters::regulation::Chapter,
        who => chapters::who::Chapter,
        sources => crate::pages::SourcesPage,
        glossary => crate::glossary::GlossaryPage,
    }
}

/// The root component: provides language, theme and base path, then routes.
#[component]
pub fn App() -> impl IntoView {
    let base = provide_contexts();
    view! {
        <Router base=base>
            <SkipLink />
            <Header />
            <main id="main" tabindex="-1">
                <OwnTask>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/what-is-restaking") view=page::what_is />
                    <Route path=path!("/how-it-works") view=page::mechanism />
                    <Route path=path!("/use-cases") view=page::use_cases />
                    <Route path=path!("/lst-vs-restaking") view=page::lst_vs_restaking />
                    <Route path=path!("/network-security") view=page::network />
                    <Route path=path!("/risks") view=page::risks />
                    <Route path=path!("/strategy") view=page::strategy />
                    <Route path=path!("/regulation") view=page::regulation />
                    <Route path=path!("/who-should-take-part") view=page::who />
                    <Route path=path!("/sources") view=page::sources />
                    <Route path=path!("/glossary") view=page::glossary />
                </Routes>
                </OwnTask>
            </main>
            <Footer />
        </Router>
    }
}
