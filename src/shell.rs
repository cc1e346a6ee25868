//! The frame around every page, shared by the app and the light landing page
//! (`landing`): the language, theme and base-path contexts, the header (chapter
//! navigation, language and theme switches), the footer and the page title.

use crate::ctx::{href, Base, ThemeCtx};
use crate::i18n::{use_i18n, I18n, Key, Locale};
use crate::journey::CHAPTERS;
use crate::prefs::{Prefs, ThemePref};
use crate::web;
use leptos::either::Either;
use leptos::prelude::*;

/// Sets the document title for the current page ("Page · Restaking Explorer").
pub fn use_page_title(page: Key) {
    let i18n = use_i18n();
    let theme = crate::ctx::use_theme().theme;
    Effect::new(move |_| {
        let title = format!("{} · {}", i18n.t(page), i18n.t(Key::AppName));
        web::sync_document(i18n.get().tag(), theme.get().code(), &title);
    });
}

/// Reads the stored preferences (or the browser's languages) and provides the
/// language, theme and base-path contexts. Returns the base path.
pub fn provide_contexts() -> String {
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
    base
}

/// A link to a page of the explorer. In the app it is the router's `<A>`: client-side
/// navigation, and `aria-current="page"` on the link to the page shown. The landing
/// build has no router (it is a page of its own), so there it is a plain `<a>` and
/// following it loads the app.
#[component]
pub fn NavLink(
    /// Absolute path under the base path (see `ctx::href`).
    href: String,
    /// Optional class for the `<a>`.
    #[prop(optional)]
    class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    #[cfg(not(feature = "landing"))]
    {
        use leptos_router::components::A;
        view! { <A href=href attr:class=class>{children()}</A> }
    }
    #[cfg(feature = "landing")]
    {
        view! { <a href=href class=class>{children()}</a> }
    }
}

/// The skip link, for keyboard users: straight to the page's content.
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    view! { <a class="skip" href="#main">{move || i18n.t(Key::UiSkipToContent)}</a> }
}

/// The footer: what the explorer is not (advice).
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{move || i18n.t(Key::UiDisclaimer)}</p>
        </footer>
    }
}

/// Header: brand, chapter navigation, language and theme switches. Both choices persist.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let theme = crate::ctx::use_theme();
    let save = move || {
        web::save_prefs(&Prefs::new(
            i18n.locale.get_untracked(),
            theme.pref.get_untracked(),
        ))
    };
    // On a narrow screen the navigation is a row that scrolls sideways: keep the link
    // to the page shown in view when the page or the language (the links' widths)
    // changes. In the next frame's animation callback, so that the layout it reads is
    // the frame's own: read in a task of its own after the frame, it was one more
    // layout task after the page's, which Lighthouse's estimate of the speed index
    // counts (/sources, mobile: 1.0 s -> 2.2-2.8 s). On arrival, where the browser
    // has `scroll-initial-target`, the stylesheet has already opened the row there.
    #[cfg(not(feature = "landing"))]
    {
        let location = leptos_router::hooks::use_location();
        let arrived_in_place = web::has_initial_scroll_target();
        Effect::new(move |ran: Option<()>| {
            location.pathname.track();
            i18n.locale.track();
            if ran.is_some() || !arrived_in_place {
                request_animation_frame(web::reveal_current_nav_link);
            }
        });
    }
    view! {
        <header class="site-header">
            <NavLink href=href("/") class="brand">
                <span class="brand-mark" aria-hidden="true">"⟳"</span>
                <span>{move || i18n.t(Key::AppName)}</span>
            </NavLink>
            <nav aria-label=move || i18n.t(Key::UiNavLabel)>
                <ul>
                    {CHAPTERS
                        .iter()
                        .map(|c| {
                            view! {
                                <li>
                                    <NavLink href=href(&format!("/{}", c.slug))>
                                        <span class="num">{c.number}</span>
                                        {move || i18n.t(c.short)}
                                    </NavLink>
                                </li>
                            }
                        })
                        .collect_view()}
                    <li>
                        <NavLink href=href("/glossary")>{move || i18n.t(Key::GlTitle)}</NavLink>
                    </li>
                    <li>
                        <NavLink href=href("/sources")>{move || i18n.t(Key::SourcesTitle)}</NavLink>
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
                                    aria-label=match l {
                                        Locale::Zh => Some("中文"),
                                        Locale::En => None,
                                    }
                                >
                                    // "中文" is drawn, not set in type (`.lang .glyphs` in
                                    // style/main.css: the outlines of both glyphs, from Noto
                                    // Sans CJK SC Regular, SIL Open Font License 1.1, as a mask
                                    // filled in the text colour). They were the only Chinese
                                    // on an English page, and laying them out made the browser
                                    // load a CJK face (Noto Sans CJK on Linux is a 20 MB
                                    // collection) before the first paint. The accessible name
                                    // is the `aria-label` above.
                                    {match l {
                                        Locale::Zh => Either::Left(view! {
                                            <span class="glyphs" aria-hidden="true"></span>
                                        }),
                                        Locale::En => Either::Right("English"),
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
