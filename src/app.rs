//! The app shell: contexts, the header (chapter navigation, language and theme
//! switches), the routes and the footer.

use crate::chapters::{self, CHAPTERS};
use crate::ctx::{href, Base, ThemeCtx};
use crate::i18n::{use_i18n, I18n, Key, Locale};
use crate::pages::{Home, NotFound, SourcesPage};
use crate::prefs::{Prefs, ThemePref};
use crate::web;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

/// Sets the document title for the current page ("Page · Restaking Explorer").
pub fn use_page_title(page: Key) {
    let i18n = use_i18n();
    let theme = crate::ctx::use_theme().theme;
    Effect::new(move |_| {
        let title = format!("{} · {}", i18n.t(page), i18n.t(Key::AppName));
        web::sync_document(i18n.get().tag(), theme.get().code(), &title);
    });
}

/// The root component: provides language, theme and base path, then routes.
#[component]
pub fn App() -> impl IntoView {
    let stored = web::load_prefs();
    let locale = stored.as_ref().and_then(Prefs::locale).unwrap_or_else(|| {
        Locale::from_browser_languages(web::navigator_languages().iter().map(String::as_str))
    });
    let i18n = I18n {
        locale: RwSignal::new(locale),
    };
    let pref = RwSignal::new(stored.map(|p| p.theme).unwrap_or_default());
    let system_dark = web::system_prefers_dark();
    let theme = Signal::derive(move || pref.get().resolve(system_dark.get()));
    provide_context(i18n);
    provide_context(ThemeCtx { pref, theme });
    let base = web::base_path();
    provide_context(Base(base.clone()));

    view! {
        <Router base=base>
            <a class="skip" href="#main">{move || i18n.t(Key::UiSkipToContent)}</a>
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
            <footer class="site-footer">
                <p>{move || i18n.t(Key::UiDisclaimer)}</p>
            </footer>
        </Router>
    }
}

/// Header: brand, chapter navigation, language and theme switches. Both choices persist.
#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let theme = crate::ctx::use_theme();
    let save = move || {
        web::save_prefs(&Prefs::new(
            i18n.locale.get_untracked(),
            theme.pref.get_untracked(),
        ))
    };
    view! {
        <header class="site-header">
            <A href=href("/") attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"⟳"</span>
                <span>{move || i18n.t(Key::AppName)}</span>
            </A>
            <nav aria-label=move || i18n.t(Key::UiNavLabel)>
                <ul>
                    {CHAPTERS
                        .iter()
                        .map(|c| {
                            view! {
                                <li>
                                    <A href=href(&format!("/{}", c.slug))>
                                        <span class="num">{c.number}</span>
                                        {move || i18n.t(c.short)}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                    <li>
                        <A href=href("/glossary")>{move || i18n.t(Key::GlTitle)}</A>
                    </li>
                    <li>
                        <A href=href("/sources")>{move || i18n.t(Key::SourcesTitle)}</A>
                    </li>
                </ul>
            </nav>
            <div class="switches">
                <div class="lang" role="group" aria-label=move || i18n.t(Key::UiLanguage)>
                    {Locale::ALL
                        .into_iter()
                        .map(|l| {
                            view! {
                                <button
                                    type="button"
                                    lang=l.tag()
                                    data-lang=l.code()
                                    aria-pressed=move || (i18n.get() == l).to_string()
                                    on:click=move |_| {
                                        i18n.locale.set(l);
                                        save();
                                    }
                                >
                                    {match l {
                                        Locale::Zh => "中文",
                                        Locale::En => "English",
                                    }}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <label class="theme">
                    <span class="visually-hidden">{move || i18n.t(Key::UiTheme)}</span>
                    <select
                        data-testid="theme"
                        aria-label=move || i18n.t(Key::UiTheme)
                        on:change=move |ev| {
                            if let Some(t) = ThemePref::from_code(&event_target_value(&ev)) {
                                theme.pref.set(t);
                                save();
                            }
                        }
                    >
                        {ThemePref::ALL
                            .into_iter()
                            .map(|t| {
                                let key = match t {
                                    ThemePref::Light => Key::UiThemeLight,
                                    ThemePref::Dark => Key::UiThemeDark,
                                    ThemePref::System => Key::UiThemeSystem,
                                };
                                view! {
                                    <option value=t.code() selected=move || theme.pref.get() == t>
                                        {move || i18n.t(key)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </div>
        </header>
    }
}
