//! Browser tests of the shared widgets (wasm-bindgen-test in headless Chromium):
//! a slider event changes the output and the bound value, a chart redraws when its
//! inputs change, a bad query value shows the notice naming it, and
//! `Later` parts are built after the first frame.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use restaking_explorer::ctx::ThemeCtx;
use restaking_explorer::i18n::{format, I18n, Key, Locale};
use restaking_explorer::prefs::{Theme, ThemePref};
use restaking_explorer::url_state::{parse_query, read_params, ParamSpec};
use restaking_explorer::widgets::{Chart, DataTable, Later, Slider, UrlNotice};
use rust_decimal::Decimal;
use std::str::FromStr;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

static SPEC: ParamSpec = ParamSpec {
    name: "testrate",
    min: Decimal::from_parts(0, 0, 0, false, 0),
    max: Decimal::from_parts(20, 0, 0, false, 0),
    step: Decimal::from_parts(1, 0, 0, false, 2),
    default: Decimal::from_parts(285, 0, 0, false, 2),
};

fn pct(l: Locale, x: Decimal) -> String {
    format!("{}%", format::number(l, x, 2))
}

/// Mounts `f` in a fresh container with the app's contexts; returns the container.
fn mount<V: IntoView + 'static>(
    locale: Locale,
    theme: RwSignal<ThemePref>,
    f: impl FnOnce() -> V + 'static,
) -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    host.style().set_property("width", "600px").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(I18n {
            locale: RwSignal::new(locale),
        });
        let resolved = Signal::derive(move || theme.get().resolve(false));
        provide_context(ThemeCtx {
            pref: theme,
            theme: resolved,
        });
        f()
    });
    handle.forget();
    host
}

/// Dispatches a bubbling `input` event, as a browser does when a slider moves.
fn fire_input(el: &web_sys::HtmlInputElement) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

async fn tick() {
    // Let effects and the renderer run.
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn slider_input_changes_value_output_and_aria() {
    let value = RwSignal::new(SPEC.default);
    let host = mount(Locale::En, RwSignal::new(ThemePref::Light), move || {
        view! { <Slider label=Key::Ch1PRestake spec=&SPEC value=value fmt=pct /> }
    });
    tick().await;
    let input: web_sys::HtmlInputElement = host
        .query_selector("input[type=range]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let output = host.query_selector("output").unwrap().unwrap();
    assert_eq!(output.text_content().unwrap(), "2.85%");
    input.set_value("4.5");
    fire_input(&input);
    tick().await;
    assert_eq!(value.get_untracked(), d("4.5"));
    assert_eq!(output.text_content().unwrap(), "4.50%");
    assert_eq!(input.get_attribute("aria-valuetext").unwrap(), "4.50%");
    // The reset button restores the default.
    let reset: web_sys::HtmlElement = host
        .query_selector("button.reset")
        .unwrap()
        .unwrap()
        .unchecked_into();
    reset.click();
    tick().await;
    assert_eq!(value.get_untracked(), SPEC.default);
    assert_eq!(input.value(), "2.85");
    // Out-of-range input is clamped.
    value.set(SPEC.clamp(d("99")));
    tick().await;
    assert_eq!(output.text_content().unwrap(), "20.00%");
}

#[wasm_bindgen_test]
async fn chart_redraws_when_its_data_or_theme_change_and_is_hidpi() {
    let input = RwSignal::new(1.0f64);
    let theme = RwSignal::new(ThemePref::Light);
    // The chart shows the input's whole part: a step within one unit recomputes the
    // memo but gives an equal value.
    let data = Memo::new(move |_| input.get().floor());
    let host = mount(Locale::En, theme, move || {
        view! {
            <Chart
                data=data
                draw=|area, _whole: &f64, style| area.fill(&style.palette.bg)
                aria_label=Signal::derive(move || format!("value {}", input.get()))
                table=Signal::derive(move || DataTable { headers: vec!["x".into()], rows: vec![vec![input.get().to_string()]] })
                height=200
            />
        }
    });
    tick().await;
    let canvas: web_sys::HtmlCanvasElement = host
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let draws = || {
        canvas
            .get_attribute("data-draws")
            .unwrap_or_default()
            .parse::<u32>()
            .unwrap_or(0)
    };
    let first = draws();
    assert!(first >= 1, "drew on mount");
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    assert_eq!(
        canvas.height(),
        (200.0 * dpr).round() as u32,
        "backing store is CSS height × DPR"
    );
    assert_eq!(canvas.get_attribute("role").unwrap(), "img");
    input.set(2.0);
    tick().await;
    let second = draws();
    assert!(second > first, "redrew when its data changed");
    input.set(2.5);
    tick().await;
    assert_eq!(draws(), second, "an equal value does not redraw");
    assert_eq!(canvas.get_attribute("aria-label").unwrap(), "value 2.5");
    // The data table is built only while its <details> is open, then follows the input.
    assert!(
        host.query_selector("td").unwrap().is_none(),
        "no table while closed"
    );
    let details: web_sys::HtmlDetailsElement = host
        .query_selector("details.data-table")
        .unwrap()
        .unwrap()
        .unchecked_into();
    details.set_open(true);
    let mut td = None;
    for _ in 0..20 {
        tick().await;
        td = host.query_selector("td").unwrap();
        if td.is_some() {
            break;
        }
    }
    assert_eq!(
        td.expect("table built once open").text_content().unwrap(),
        "2.5"
    );
    input.set(3.0);
    tick().await;
    let td = host.query_selector("td").unwrap().unwrap();
    assert_eq!(td.text_content().unwrap(), "3");
    let n = draws();
    theme.set(ThemePref::Dark);
    tick().await;
    assert!(draws() > n, "redrew on theme change");
    let _ = Theme::Dark;
}

#[wasm_bindgen_test]
async fn bad_query_value_shows_the_notice() {
    let (_, replaced) = read_params(&parse_query("?testrate=NaN"), std::slice::from_ref(&SPEC));
    let host = mount(Locale::Zh, RwSignal::new(ThemePref::Light), move || {
        view! { <UrlNotice replaced=replaced label_of=|n| (n == "testrate").then_some(Key::Ch1PRestake) /> }
    });
    tick().await;
    let notice = host
        .query_selector("[data-testid=url-notice]")
        .unwrap()
        .expect("notice shown");
    let text = notice.text_content().unwrap();
    assert!(text.contains("testrate"), "{text}");
    assert!(
        text.contains(Locale::Zh.text(Key::UiProblemMalformed)),
        "{text}"
    );
    // A good query shows nothing.
    let (_, none) = read_params(&parse_query("?testrate=3"), std::slice::from_ref(&SPEC));
    let host = mount(Locale::En, RwSignal::new(ThemePref::Light), move || {
        view! { <UrlNotice replaced=none label_of=|_| None /> }
    });
    tick().await;
    assert!(host
        .query_selector("[data-testid=url-notice]")
        .unwrap()
        .is_none());
}

/// Builds its text from a signal read in the component's body (not in a closure).
#[component]
fn ReadsInBody(n: RwSignal<i32>) -> impl IntoView {
    let v = n.get();
    view! { <p>{format!("n={v}")}</p> }
}

#[wasm_bindgen_test]
async fn later_parts_are_built_after_the_first_frame_in_page_order() {
    let n = RwSignal::new(1);
    let host = mount(Locale::En, RwSignal::new(ThemePref::Light), move || {
        view! {
            <p id="now">"now"</p>
            <Later><p>"first"</p></Later>
            <Later><ReadsInBody n=n /></Later>
        }
    });
    let root = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    // The host's text, in document order.
    let text = |host: &web_sys::HtmlElement| host.text_content().unwrap_or_default();
    // At mount: the top is there, the parts are not, and the page is marked.
    assert_eq!(text(&host), "now");
    assert!(root.has_attribute("data-rendering"));
    // One part per frame: both within a second, in page order, then the mark is gone.
    for _ in 0..40 {
        if text(&host).contains("n=") {
            break;
        }
        tick().await;
    }
    assert_eq!(text(&host), "nowfirstn=1");
    assert!(!root.has_attribute("data-rendering"));
    // A part is built once: the signal its body read does not rebuild (or remove) it.
    n.set(2);
    tick().await;
    assert_eq!(text(&host), "nowfirstn=1");
}
