//! Pages that are not chapters: home (what the explorer is for and the journey
//! through the chapters), the sources list, and not-found.

use crate::app::use_page_title;
use crate::chapters::CHAPTERS;
use crate::ctx::href;
use crate::i18n::{use_i18n, Key};
use crate::sources::SOURCES;
use leptos::prelude::*;
use leptos_router::components::A;

/// Home: the explorer's purpose and the chapters, in order.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::HomeTitle);
    view! {
        <section class="hero">
            <h1>{move || i18n.t(Key::HomeTitle)}</h1>
            <p class="lede">{move || i18n.t(Key::HomeLede)}</p>
            <p>{move || i18n.t(Key::HomeHow)}</p>
        </section>
        <section class="journey" aria-labelledby="journey-h">
            <h2 id="journey-h">{move || i18n.t(Key::HomeJourney)}</h2>
            <ol class="cards">
                {CHAPTERS
                    .iter()
                    .map(|c| {
                        view! {
                            <li class="card">
                                <A href=href(&format!("/{}", c.slug))>
                                    <span class="num">{c.number}</span>
                                    <h3>{move || i18n.t(c.title)}</h3>
                                    <p>{move || i18n.t(c.summary)}</p>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

/// Every source the explorer cites, with what we take from it and when we checked it.
#[component]
pub fn SourcesPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::SourcesTitle);
    view! {
        <article class="prose">
            <h1>{move || i18n.t(Key::SourcesTitle)}</h1>
            <p>{move || i18n.t(Key::SourcesIntro)}</p>
            <ol class="sources">
                {SOURCES
                    .iter()
                    .map(|s| {
                        view! {
                            <li id=s.anchor>
                                <a href=s.url rel="noopener noreferrer" target="_blank">
                                    {move || i18n.t(s.title)}
                                </a>
                                <p>{move || i18n.t(s.used_for)}</p>
                                <p class="checked">
                                    {move || i18n.tf(Key::SourcesChecked, &[("date", s.checked)])}
                                </p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </article>
    }
}

/// Shown for any unknown route.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::NotFoundTitle);
    view! {
        <article class="prose not-found">
            <h1>{move || i18n.t(Key::NotFoundTitle)}</h1>
            <p>{move || i18n.t(Key::NotFoundBody)}</p>
            <p>
                <A href=href("/")>{move || i18n.t(Key::NotFoundHome)}</A>
            </p>
        </article>
    }
}
