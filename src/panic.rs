//! The last line of defence: a panic hook that replaces the app with a translated
//! error panel instead of leaving a blank page. It uses nothing but the DOM (the
//! reactive runtime may be mid-update, and with `panic = "abort"` the module traps
//! right after the hook returns), and it never touches storage, so the learner's
//! saved progress and preferences survive. The "copy details" button is served by
//! `public/boot.js`, which keeps working after the wasm module has trapped.

use crate::i18n::{Key, Locale};

/// What "copy details" copies: enough for a bug report, nothing personal.
pub fn details(message: &str, location: &str, user_agent: &str) -> String {
    format!(
        "Restaking Explorer {}\n{}\n{}\n{}",
        env!("CARGO_PKG_VERSION"),
        location,
        user_agent,
        message
    )
}

/// Installs the hook. Call once, before mounting the app.
pub fn install() {
    #[cfg(feature = "panic-probe")]
    arm_probe();
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.as_str().into());
        show_panel(&message);
    }));
}

/// Test builds only (`--features panic-probe`): a `panic-probe` event on the window
/// panics inside a wasm event handler, so the end-to-end test can check the panel.
#[cfg(feature = "panic-probe")]
fn arm_probe() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let Some(w) = web_sys::window() else { return };
    let cb = Closure::<dyn Fn()>::new(|| panic!("panic probe fired on purpose"));
    let _ = w.add_event_listener_with_callback("panic-probe", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Replaces the page's content with the error panel. Best effort: any DOM call that
/// fails is skipped, and nothing here can panic again.
pub fn show_panel(message: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else { return };
    let Some(body) = doc.body() else { return };
    // `<html lang>` is kept in sync with the learner's language by the app.
    let lang = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    let locale = Locale::from_browser_languages([lang.as_str()]);
    let text = |k: Key| locale.text(k);
    let loc = window.location();
    let path = loc.pathname().unwrap_or_default();
    let href = loc.href().unwrap_or_default();
    let ua = window.navigator().user_agent().unwrap_or_default();
    let base = crate::web::base_path();
    // Nothing more will be built: the chapter parts still waiting never come, so
    // their mark goes (the attribute of `widgets::later`, which the light landing
    // build does not have).
    // So does the shell's (`web::BUILDING`), which would keep the panel out of sight.
    if let Some(root) = doc.document_element() {
        let _ = root.remove_attribute("data-rendering");
        let _ = root.remove_attribute(crate::web::BUILDING);
    }

    let el = |tag: &str, class: &str, content: &str| {
        let e = doc.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        e.set_text_content(Some(content));
        Some(e)
    };
    let Some(panel) = el("section", "panic-panel", "") else {
        return;
    };
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "panic-panel");
    for (tag, class, key) in [
        ("h1", "", Key::ErrTitle),
        ("p", "", Key::ErrBody),
        ("p", "saved", Key::ErrSaved),
    ] {
        if let Some(e) = el(tag, class, text(key)) {
            let _ = panel.append_child(&e);
        }
    }
    if let Some(actions) = el("p", "actions", "") {
        // Reset = the same chapter without its query string (its scenario).
        if let Some(a) = el("a", "button", text(Key::ErrResetChapter)) {
            let _ = a.set_attribute("href", &path);
            let _ = a.set_attribute("data-action", "reset-chapter");
            // A full page load: the router's click handler lives in the trapped module.
            let _ = a.set_attribute("rel", "external");
            let _ = actions.append_child(&a);
        }
        if let Some(b) = el("button", "", text(Key::ErrCopy)) {
            let _ = b.set_attribute("type", "button");
            let _ = b.set_attribute("data-action", "copy-details");
            let _ = b.set_attribute("data-copied", text(Key::ErrCopied));
            let _ = actions.append_child(&b);
        }
        if let Some(a) = el("a", "button", text(Key::ErrHome)) {
            let _ = a.set_attribute("href", &format!("{base}/"));
            let _ = a.set_attribute("rel", "external");
            let _ = actions.append_child(&a);
        }
        let _ = panel.append_child(&actions);
    }
    if let Some(d) = el("textarea", "details", &details(message, &href, &ua)) {
        let _ = d.set_attribute("readonly", "");
        let _ = d.set_attribute("rows", "6");
        let _ = d.set_attribute("aria-label", text(Key::ErrDetails));
        let _ = d.set_attribute("id", "panic-details");
        let _ = panel.append_child(&d);
    }
    body.set_text_content(None);
    let _ = body.append_child(&panel);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The panel's strings, in the order they appear.
    const PANEL_KEYS: [Key; 8] = [
        Key::ErrTitle,
        Key::ErrBody,
        Key::ErrSaved,
        Key::ErrResetChapter,
        Key::ErrCopy,
        Key::ErrCopied,
        Key::ErrHome,
        Key::ErrDetails,
    ];

    #[test]
    fn panel_is_translated_in_both_languages() {
        for k in PANEL_KEYS {
            let (en, zh) = (Locale::En.text(k), Locale::Zh.text(k));
            assert!(!en.is_empty() && !zh.is_empty());
            assert_ne!(en, zh, "{k:?} is not translated");
        }
    }

    #[test]
    fn details_name_version_place_and_message() {
        let d = details("boom at x.rs:1", "https://e/x?a=1", "UA");
        assert!(d.contains(env!("CARGO_PKG_VERSION")));
        assert!(d.contains("https://e/x?a=1") && d.contains("boom at x.rs:1"));
    }
}
