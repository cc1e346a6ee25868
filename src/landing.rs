//! The light landing page: the home page (`/`) as a program of its own, built with
//! `--features landing` from the same crate (a nested Trunk build of a copy of
//! `index.html`). It holds the shell and the home page only (no router, charts, maths
//! or chapter text), so a first visit to the site's front door downloads a small
//! fraction of the app. Its links are plain `<a>`: following one loads the app, which
//! serves every other route (and `/` too, after in-app navigation).
//! `scripts/postbuild.mjs` builds it and puts it at `index.html`, with the front
//! door's static opening (`scripts/prerender.mjs`), which it retires when it mounts.

use crate::home::Home;
use crate::shell::{provide_contexts, Footer, Header, SkipLink};
use leptos::prelude::*;

/// The landing page's root: the shared contexts and shell around [`Home`].
#[component]
pub fn Landing() -> impl IntoView {
    provide_contexts();
    view! {
        <SkipLink />
        <Header />
        <main id="main" tabindex="-1">
            <Home />
        </main>
        <Footer />
    }
}
