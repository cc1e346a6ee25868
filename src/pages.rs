//! Pages that are not chapters: home (what the explorer is for and the journey
//! through the chapters), the sources list, and not-found.

use crate::app::use_page_title;
use crate::chapters::CHAPTERS;
use crate::ctx::href;
use crate::i18n::{use_i18n, Key};
use crate::progress;
use crate::sources::SOURCES;
use leptos::prelude::*;
use leptos_router::components::A;

/// Home: the explorer's purpose and the chapters, in order, each with the learner's
/// progress (visited, quiz score), and a way to forget that progress.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::HomeTitle);
    let store = progress::use_progress();
    let confirming = RwSignal::new(false);
    let cleared = RwSignal::new(false);
    let any = {
        let store = store.clone();
        move || store.with(|p| !p.chapters.is_empty())
    };
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
                        let store = store.clone();
                        let status = move || {
                            let p = store.with(|p| p.chapter(c.slug));
                            let mut parts = Vec::new();
                            if p.visited {
                                parts.push(i18n.t(Key::QuizHomeVisited).to_owned());
                            }
                            if p.answered() > 0 {
                                parts.push(i18n.tf(
                                    Key::QuizHomeQuiz,
                                    &[
                                        ("right", &p.right().to_string()),
                                        ("total", &usize::from(p.total).max(p.picks.len()).to_string()),
                                    ],
                                ));
                            }
                            (!parts.is_empty()).then(|| {
                                view! {
                                    <p class="prog-status" data-testid="prog-status">
                                        <span class="prog-dot" aria-hidden="true">"✓"</span>
                                        {parts.join(" · ")}
                                    </p>
                                }
                            })
                        };
                        view! {
                            <li class="card" data-slug=c.slug>
                                <A href=href(&format!("/{}", c.slug))>
                                    <span class="num">{c.number}</span>
                                    <h3>{move || i18n.t(c.title)}</h3>
                                    <p>{move || i18n.t(c.summary)}</p>
                                    {status}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <div class="prog-reset">
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <button
                                type="button"
                                class="prog-reset-btn"
                                disabled={
                                    let any = any.clone();
                                    move || !any()
                                }
                                on:click=move |_| {
                                    cleared.set(false);
                                    confirming.set(true);
                                }
                            >
                                {move || i18n.t(Key::QuizHomeReset)}
                            </button>
                        }
                    }
                >
                    <div class="prog-confirm" role="alertdialog" aria-labelledby="prog-confirm-q">
                        <p id="prog-confirm-q">{move || i18n.t(Key::QuizHomeConfirm)}</p>
                        <button
                            type="button"
                            class="prog-confirm-yes"
                            on:click=move |_| {
                                progress::reset();
                                confirming.set(false);
                                cleared.set(true);
                            }
                        >
                            {move || i18n.t(Key::QuizHomeConfirmYes)}
                        </button>
                        <button type="button" class="prog-confirm-no" on:click=move |_| confirming.set(false)>
                            {move || i18n.t(Key::QuizHomeCancel)}
                        </button>
                    </div>
                </Show>
                <p class="prog-cleared" role="status">
                    {move || cleared.get().then(|| i18n.t(Key::QuizHomeCleared))}
                </p>
            </div>
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

#[cfg(test)]
mod tests {
    use crate::sources::SOURCES;
    use std::path::Path;

    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                rust_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }

    /// Every `SourceId::X` cited in a chapter has exactly one entry on the sources page
    /// (so every `Cite` link lands on an anchor), and every entry is cited somewhere.
    #[test]
    fn every_cited_source_is_listed_once_and_every_listed_source_is_cited() {
        let mut files = Vec::new();
        rust_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/chapters"),
            &mut files,
        );
        let mut cited = std::collections::BTreeSet::new();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let mut rest = text.as_str();
            while let Some(i) = rest.find("SourceId::") {
                rest = &rest[i + "SourceId::".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if !name.is_empty() {
                    cited.insert(name);
                }
            }
        }
        assert!(cited.len() >= 10, "{cited:?}");
        for name in &cited {
            let n = SOURCES
                .iter()
                .filter(|s| format!("{:?}", s.id) == *name)
                .count();
            assert_eq!(
                n, 1,
                "SourceId::{name} is cited but listed {n} times on the sources page"
            );
        }
        for s in SOURCES {
            assert!(
                cited.contains(&format!("{:?}", s.id)),
                "{:?} is listed but never cited",
                s.id
            );
            assert!(
                !s.anchor.is_empty()
                    && s.anchor
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            );
            assert_eq!(s.checked.len(), 10, "{:?}: checked date is ISO 8601", s.id);
        }
    }
}
