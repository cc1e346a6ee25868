//! Thin browser glue: storage, the document, media queries and the query string.
//! Every call tolerates a missing window, blocked storage or a throwing API: the
//! worst outcome is a default value, never a panic.

use crate::prefs::Prefs;
use crate::url_state::{self, ParamSpec, Replaced};
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// Reads a string from `localStorage`; `None` if storage is blocked or the key is absent.
pub fn storage_get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Writes a string to `localStorage`; returns `false` when storage is blocked or full.
pub fn storage_set(key: &str, value: &str) -> bool {
    storage()
        .map(|s| s.set_item(key, value).is_ok())
        .unwrap_or(false)
}

/// The stored preferences, if readable. A record from an older schema version is
/// migrated and written back in the current form (best effort).
pub fn load_prefs() -> Option<Prefs> {
    let raw = storage_get(crate::prefs::STORAGE_KEY)?;
    let prefs = Prefs::parse(&raw)?;
    let current = prefs.to_json();
    if current != raw {
        storage_set(crate::prefs::STORAGE_KEY, &current);
    }
    Some(prefs)
}

/// Saves preferences (best effort).
pub fn save_prefs(p: &Prefs) {
    storage_set(crate::prefs::STORAGE_KEY, &p.to_json());
}

/// The browser's preferred languages, most preferred first.
pub fn navigator_languages() -> Vec<String> {
    let Some(nav) = window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

/// A signal that follows `prefers-color-scheme: dark`, updated by the media query's
/// `change` event for the life of the app.
pub fn system_prefers_dark() -> ReadSignal<bool> {
    let mql = window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
    let (dark, set_dark) = signal(mql.as_ref().map(|m| m.matches()).unwrap_or(false));
    if let Some(mql) = mql {
        let cb = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |e: web_sys::MediaQueryListEvent| {
                set_dark.set(e.matches());
            },
        );
        let _ = mql.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
        // The listener lives as long as the page: one closure for the whole app.
        cb.forget();
    }
    dark
}

/// The path the app is hosted under, without a trailing slash ("" at the root,
/// "/restaking" under a sub-path), read from `<base href>` that Trunk writes from
/// its public URL.
pub fn base_path() -> String {
    let base = window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|u| web_sys::Url::new(&u).ok())
        .map(|u| u.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_owned()
}

/// Sets `<html lang>`, `<html data-theme>` and the document title.
pub fn sync_document(lang: &str, theme: &str, title: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", lang);
        let _ = html.set_attribute("data-theme", theme);
    }
    doc.set_title(title);
}

/// The attribute on `<html>` while the app's shell is built but its first page is not
/// (`lib.rs`, `mount`; `widgets::later::OwnTask`): the stylesheet keeps everything in
/// `<body>` but the static opening out of sight meanwhile, so no frame shows the shell
/// with an empty page, or two headers.
pub const BUILDING: &str = "data-building";

/// Sets or clears the marker attribute `name` on `<html>` ([`BUILDING`], and
/// `widgets::later`'s `data-rendering`). Failing to set a marker changes nothing for the
/// learner.
#[cfg_attr(feature = "landing", allow(dead_code))]
pub fn mark_root(name: &str, on: bool) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = if on {
            root.set_attribute(name, "")
        } else {
            root.remove_attribute(name)
        };
    }
}

/// Sets the performance mark `restaking-explorer:built`: the page's top has been
/// built (the benchmark's breakdown reads it).
pub fn mark_built() {
    if let Some(perf) = window().and_then(|w| w.performance()) {
        // A mark that cannot be set changes nothing for the learner.
        let _ = perf.mark("restaking-explorer:built");
    }
}

/// Retires the page's static opening (`#prerender`, written into the release build's
/// pages by `scripts/postbuild.mjs`) in the task that shows the app's own (the first
/// page's task, `widgets::later::OwnTask`; the light landing page's mount): the class
/// `retired` takes it out of the flow and out of sight (so no frame
/// shows neither or both), and it is removed once the browser has recorded the
/// opening's paint, or at once when there is nothing to wait for (a hidden tab, a
/// browser without largest-contentful-paint entries), and in any case within a second.
///
/// Why not remove it at once: Chromium records a paint as a candidate for the largest
/// contentful paint only when the paint's presentation time comes back to the page,
/// and drops the candidate if its element has been removed by then. The module often
/// finishes compiling just after the opening's first paint, before that; removing the
/// opening in the mounting task made the app's copy of the same words, painted some
/// 300 ms later, the page's LCP. Waiting for the entry before mounting kept the
/// opening's paint but delayed the first slider by the wait (16–100 ms measured); a
/// hidden element keeps its record and delays nothing. The light landing page (the
/// front door) has an opening too.
pub fn retire_prerendered() {
    const LCP: &str = "largest-contentful-paint";
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(opening) = doc.get_element_by_id("prerender") else {
        return;
    };
    // Removing it twice (entry, then timeout) is harmless: the second is a no-op.
    let remove = {
        let opening = opening.clone();
        move || opening.remove()
    };
    let supported = || -> Option<bool> {
        let ctor = js_sys::Reflect::get(&js_sys::global(), &"PerformanceObserver".into()).ok()?;
        let types = js_sys::Reflect::get(&ctor, &"supportedEntryTypes".into()).ok()?;
        Some(
            types
                .dyn_into::<js_sys::Array>()
                .ok()?
                .includes(&LCP.into(), 0),
        )
    };
    if doc.hidden() || supported() != Some(true) {
        opening.remove();
        return;
    }
    let _ = opening.class_list().add_1("retired");
    let on_entries = Closure::<dyn FnMut(JsValue, web_sys::PerformanceObserver)>::new({
        let remove = remove.clone();
        move |_entries: JsValue, observer: web_sys::PerformanceObserver| {
            observer.disconnect();
            remove();
        }
    });
    if let Ok(observer) = web_sys::PerformanceObserver::new(on_entries.as_ref().unchecked_ref()) {
        // `{ type, buffered }`: an entry recorded before now is delivered too.
        let init = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&init, &"type".into(), &LCP.into());
        let _ = js_sys::Reflect::set(&init, &"buffered".into(), &true.into());
        observer.observe(init.unchecked_ref());
        // Called at most once (it disconnects); lives as long as the page.
        on_entries.forget();
    }
    set_timeout(remove, std::time::Duration::from_secs(1));
}

/// The current query string (`?…`), or "".
pub fn location_search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Replaces the query string without adding a history entry.
pub fn replace_query(query: &str) {
    let Some(w) = window() else { return };
    let loc = w.location();
    let path = loc.pathname().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    let current = loc.search().unwrap_or_default();
    if current == query {
        return;
    }
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("{path}{query}{hash}")),
        );
    }
}

/// How long a change waits before it is written into the URL. Changes that arrive
/// meanwhile (a drag) are merged: the newest one is written when the wait ends.
const URL_WRITE_DELAY_MS: u32 = 200;

thread_local! {
    static URL_WRITES: std::cell::RefCell<UrlWrites> = const {
        std::cell::RefCell::new(UrlWrites { pending: None, timer: None })
    };
}

/// The state of [`replace_query_soon`].
struct UrlWrites {
    /// A write held back: the page (path) it was made on, and the query.
    pending: Option<(String, String)>,
    /// The timer that writes it. Kept until the next one replaces it: a timer's
    /// closure must not be dropped while it runs.
    timer: Option<gloo::timers::callback::Timeout>,
}

/// Like [`replace_query`], but never on the input path: a change is written
/// [`URL_WRITE_DELAY_MS`] later, in a task of its own, and the changes that arrive in
/// that wait are merged into one write of the newest. In headless Chromium a
/// `replaceState` takes 2–8 ms; written at once, the first change after a quiet spell
/// paid for it on the input path. A held-back write is dropped if the learner has moved
/// to another page meanwhile.
pub fn replace_query_soon(query: String) {
    let path = window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    URL_WRITES.with(|w| {
        let mut w = w.borrow_mut();
        let waiting = w.pending.is_some();
        // The newest query wins, for the page it was made on.
        w.pending = Some((path, query));
        if waiting {
            return;
        }
        w.timer = Some(gloo::timers::callback::Timeout::new(
            URL_WRITE_DELAY_MS,
            || {
                let pending = URL_WRITES.with(|w| w.borrow_mut().pending.take());
                if let Some((path, query)) = pending {
                    let here = window().and_then(|w| w.location().pathname().ok());
                    if here.as_deref() == Some(path.as_str()) {
                        replace_query(&query);
                    }
                }
            },
        ));
    });
}

/// A chapter's scenario: one signal per parameter plus what the URL got wrong.
#[derive(Clone)]
pub struct Scenario {
    /// Current values, in the order of the chapter's specs.
    pub values: Vec<RwSignal<Decimal>>,
    /// Values from the URL that were replaced (for the notice).
    pub replaced: Vec<Replaced>,
}

/// Reads the chapter's parameters from the URL once, and mirrors every later change
/// back into the URL with `replaceState` (an Effect: it only syncs the outside world;
/// writes during a drag are merged, see [`replace_query_soon`]).
pub fn use_scenario(specs: &'static [ParamSpec]) -> Scenario {
    use_scenarios(&[specs]).pop().unwrap_or_else(|| Scenario {
        values: Vec::new(),
        replaced: Vec::new(),
    })
}

/// Like [`use_scenario`] for a page with several labs, each with its own parameter
/// group (names must be distinct across groups): one `Scenario` per group, all
/// written back into one query string.
pub fn use_scenarios(groups: &[&'static [ParamSpec]]) -> Vec<Scenario> {
    let groups: Vec<&'static [ParamSpec]> = groups.to_vec();
    let pairs = url_state::parse_query(&location_search());
    let scenarios: Vec<Scenario> = groups
        .iter()
        .map(|specs| {
            let (initial, replaced) = url_state::read_params(&pairs, specs);
            Scenario {
                values: initial.into_iter().map(RwSignal::new).collect(),
                replaced,
            }
        })
        .collect();
    let tracked: Vec<Vec<RwSignal<Decimal>>> = scenarios.iter().map(|s| s.values.clone()).collect();
    Effect::new(move |_| {
        let query = url_state::write_pairs(
            groups
                .iter()
                .zip(&tracked)
                .flat_map(|(specs, values)| specs.iter().zip(values.iter().map(|s| s.get()))),
        );
        replace_query_soon(query);
    });
    scenarios
}

/// Watches an element's content-box width with a `ResizeObserver`, calling `on_width`
/// with the width in CSS pixels when the element is mounted and whenever it changes.
/// Dropping the returned guard disconnects the observer.
pub fn observe_width<E>(
    node: leptos::prelude::NodeRef<E>,
    on_width: impl Fn(f64) + 'static,
) -> WidthObserver
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let cb = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            let w = entry.content_rect().width();
            if w.is_finite() && w > 0.0 {
                on_width(w);
            }
        }
    });
    let observer = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok();
    if let Some(obs) = observer.clone() {
        node.on_load(move |el| {
            if let Some(el) = el.dyn_ref::<web_sys::Element>() {
                obs.observe(el);
            }
        });
    }
    WidthObserver {
        observer,
        _callback: cb,
    }
}

/// Keeps a [`observe_width`] observer alive; disconnects it when dropped.
pub struct WidthObserver {
    observer: Option<web_sys::ResizeObserver>,
    _callback: Closure<dyn Fn(js_sys::Array)>,
}

impl Drop for WidthObserver {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}

/// Scrolls to the element named by the URL's `#fragment`, if there is one.
pub fn scroll_to_hash() {
    let Some(w) = web_sys::window() else { return };
    let hash = w.location().hash().unwrap_or_default();
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        return;
    }
    if let Some(el) = w.document().and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
    }
}

/// Whether the browser opens a scroll container at an element marked
/// `scroll-initial-target` (style/main.css marks the link to the page shown).
pub fn has_initial_scroll_target() -> bool {
    web_sys::css::supports_with_value("scroll-initial-target", "nearest").unwrap_or(false)
}

/// Scrolls the header's navigation (a row that scrolls sideways when it is wider than
/// the screen) so that the link to the page shown is in view, centred, unless all of
/// it already is. Only the row moves, never the page. It reads the layout: call it
/// from an animation-frame callback, where that is the frame's own layout.
pub fn reveal_current_nav_link() {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(Some(link)) = doc.query_selector(".site-header nav a[aria-current=\"page\"]") else {
        return;
    };
    let Some(row) = link.closest("ul").ok().flatten() else {
        return;
    };
    let (Ok(link), Ok(row)) = (
        link.dyn_into::<web_sys::HtmlElement>(),
        row.dyn_into::<web_sys::HtmlElement>(),
    ) else {
        return;
    };
    // The row is positioned (style/main.css), so it is the link's offset parent.
    let (left, width) = (link.offset_left(), link.offset_width());
    let (scrolled, shown) = (row.scroll_left(), row.client_width());
    if left >= scrolled && left + width <= scrolled + shown {
        return;
    }
    row.set_scroll_left(left - (shown - width) / 2);
}

/// Device pixels per CSS pixel (1 when unknown).
pub fn device_pixel_ratio() -> f64 {
    window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
}
