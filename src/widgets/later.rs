//! Progressive rendering: the lower parts of a chapter are built after the first
//! frame, one part per frame, in page order.
//!
//! A chapter is 600–900 elements. Building and laying out all of them before the
//! first paint kept the first slider unresponsive for 400–650 ms on the benchmark
//! machine. So a chapter builds its top (title, introduction, first lab) at once and
//! wraps each later part in `<Later>`; a lab much taller than a screen (the first of
//! /risks) wraps its own lower parts too. Each part is built in a task of its own
//! right after the previous frame, so the page is painted between parts, and a
//! learner's input (which the browser runs ahead of timers) waits behind one part
//! at most. (Until round 13 each part waited for an idle period after its frame;
//! after a frame longer than the display's refresh interval the browser has none
//! until a shorter frame has passed, which held a part back by a frame or two.)
//!
//! The first page itself waits one task after the app's shell (`OwnTask`).
//!
//! The parts' signals and memos belong to the chapter and exist from the start; only
//! their elements wait. While any part is waiting, `<html>` carries a `data-rendering`
//! attribute (the tests wait for it to go).

use leptos::prelude::*;
use leptos_router::location::{BrowserUrl, LocationProvider, Url};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::Duration;

thread_local! {
    /// The parts waiting, in the order they were created (page order).
    static WAITING: RefCell<VecDeque<Part>> = const { RefCell::new(VecDeque::new()) };
    /// Whether a step is already scheduled.
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    /// Set while a back or forward navigation is being handled: parts are built at once.
    static AT_ONCE: Cell<bool> = const { Cell::new(false) };
    /// Whether the `popstate` listener is installed.
    static LISTENING: Cell<bool> = const { Cell::new(false) };
    /// The router's URL, when there is a router (it changes before the address bar does).
    static ROUTER_URL: RefCell<Option<ArcRwSignal<Url>>> = const { RefCell::new(None) };
}

/// A waiting part: the switch that shows it and the path of the page it is on.
struct Part {
    shown: RwSignal<bool>,
    path: Option<String>,
}

/// The attribute on `<html>` while parts are waiting (`panic::show_panel` removes it too).
const ATTR: &str = "data-rendering";

/// A part of a page that is built after the first frame (see the module comment).
/// Its children are built once, untracked, so a signal read while building them
/// never rebuilds the part.
#[component]
pub fn Later(children: Children) -> impl IntoView {
    listen_for_history();
    let at_once = AT_ONCE.with(Cell::get);
    let shown = RwSignal::new(at_once);
    if !at_once {
        enqueue(shown);
    }
    once_shown(shown, children)
}

/// What `Later` and `OwnTask` render: nothing until `shown`, then `children`, built
/// once and untracked, so a signal read while building them never rebuilds them.
fn once_shown(shown: RwSignal<bool>, children: Children) -> impl Fn() -> Option<AnyView> {
    let slot = StoredValue::new_local(Some(children));
    move || {
        if !shown.get() {
            return None;
        }
        let children = slot.try_update_value(Option::take).flatten()?;
        Some(untrack(children))
    }
}

/// The first page is built in a task of its own, right after the one that built the
/// app's shell, so that neither is one long block (the page's top is 20-60 ms of work
/// on the benchmark machine, the shell 15-25 ms). Until then `web::BUILDING` keeps
/// the shell out of sight and the static opening in view; once the page's top is
/// built, in the same task (nothing is painted in between), the opening is retired
/// and the shell shown. Later pages (links, back and forward) are built by the router
/// at once: only the first build waits.
#[component]
pub fn OwnTask(children: Children) -> impl IntoView {
    let shown = RwSignal::new(false);
    set_timeout(move || shown.set(true), Duration::ZERO);
    let page = once_shown(shown, children);
    move || {
        let view = page()?;
        crate::web::retire_prerendered();
        crate::web::mark_root(crate::web::BUILDING, false);
        // The router builds the page in a task of Leptos's executor that it spawns when
        // its view is built (not when `children` runs). This closure is built right
        // after it, and the task it spawns runs after the router's: the mark follows
        // the page's top.
        let mark = || leptos::task::spawn_local(async { crate::web::mark_built() });
        Some((view, mark))
    }
}

/// Back and forward: the browser puts the scroll position back right after the
/// `popstate` handlers (and their microtasks) have run, and a page that is still
/// only its top would cut it short. So in that task every part of the page shown
/// is built at once. When the browser fires `popstate`, the router's listener (added
/// before this one) has changed the URL and its microtasks have built the new page
/// before this listener runs: `flush_on` builds that page's queued parts (or, if only
/// the query or fragment changed, the current page's). When a script dispatches it,
/// the page is built after this listener, in microtasks, and its parts see
/// `AT_ONCE`, which a zero timeout resets. (That holds while routes render
/// synchronously: a lazy route, data loading or a transition would build the page
/// after the reset, and only the queue would fill it in.)
fn listen_for_history() {
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let url = use_context::<BrowserUrl>().map(|b| b.as_url().clone());
    ROUTER_URL.with(|u| *u.borrow_mut() = url);
    // Installed once for the life of the page; the handle is dropped on purpose
    // (dropping it does not remove the listener).
    let _ = window_event_listener(leptos::ev::popstate, |_| {
        AT_ONCE.with(|a| a.set(true));
        flush_on(page_path());
        set_timeout(|| AT_ONCE.with(|a| a.set(false)), Duration::ZERO);
    });
}

/// Builds now every waiting part of the page at `path`. Parts of a page being
/// left stay queued; the router drops them and `step` skips them.
fn flush_on(path: Option<String>) {
    let now: VecDeque<Part> = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let (now, later) = w.drain(..).partition(|p| p.path == path);
        *w = later;
        now
    });
    for part in now.into_iter().filter(|p| !p.shown.is_disposed()) {
        part.shown.set(true);
    }
}

/// The path of the page being shown: the router's (which, on a link, changes before
/// the page is built and the address bar after), else the address bar's.
fn page_path() -> Option<String> {
    ROUTER_URL
        .with(|u| {
            u.borrow()
                .as_ref()
                .map(|u| u.read_untracked().path().to_owned())
        })
        .or_else(|| web_sys::window().and_then(|w| w.location().pathname().ok()))
}

fn enqueue(shown: RwSignal<bool>) {
    let path = page_path();
    WAITING.with(|w| w.borrow_mut().push_back(Part { shown, path }));
    mark(true);
    if !SCHEDULED.with(|s| s.replace(true)) {
        schedule();
    }
}

/// Runs `step` in a task right after the next frame: each part is painted before
/// the next is built. (An animation-frame callback runs before its frame's
/// rendering; a timer set from it fires after.) The second timer lets the tasks
/// queued during that frame run first: a chart's first drawing, which its
/// `ResizeObserver` (reported after the animation callbacks) puts in a timer of its
/// own (`widgets::chart`). Input goes first too: Chromium runs input tasks ahead of
/// timers.
fn schedule() {
    request_animation_frame(|| set_timeout(|| set_timeout(step, Duration::ZERO), Duration::ZERO));
}

/// Shows the next waiting part that still exists (a part of a page the learner has
/// left is dropped), then schedules the next step, or clears the mark when none wait.
fn step() {
    let next = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        std::iter::from_fn(|| w.pop_front()).find(|p| !p.shown.is_disposed())
    });
    if let Some(Part { shown, .. }) = next {
        // The part is built in this task (Leptos runs the effect in a microtask).
        shown.set(true);
    }
    if WAITING.with(|w| w.borrow().is_empty()) {
        SCHEDULED.with(|s| s.set(false));
        mark(false);
    } else {
        schedule();
    }
}

fn mark(on: bool) {
    crate::web::mark_root(ATTR, on);
}
