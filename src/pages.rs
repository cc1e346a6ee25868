//! Pages that are neither chapters nor home: the sources list and not-found.

use crate::ctx::href;
use crate::i18n::{use_i18n, Key};
use crate::shell::use_page_title;
use crate::sources::SOURCES;
use leptos::prelude::*;
use leptos_router::components::A;

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
