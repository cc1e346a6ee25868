//! The one canvas component: draws a pure chart function sharply on HiDPI screens,
//! redraws when its inputs, the theme or the width change, and offers the same
//! numbers as a table for screen readers and for learners who prefer numbers.

use crate::charts::{Palette, Style};
use crate::ctx::use_theme;
use crate::i18n::{use_i18n, Key};
use crate::prefs::Theme;
use crate::web::device_pixel_ratio;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

/// The data behind a chart, as text already formatted for the learner's locale.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataTable {
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

/// A canvas drawn by `draw`, a pure plotters function. The backing store is CSS size ×
/// `devicePixelRatio`; fonts and strokes scale with it. `role="img"` with `aria_label`,
/// and a "show data" table below.
#[component]
pub fn Chart(
    /// Draws the chart; reads whatever signals it needs (they are tracked).
    draw: impl Fn(&DrawingArea<CanvasBackend, Shift>, &Style) + 'static,
    /// What the chart shows, in words.
    #[prop(into)]
    aria_label: Signal<String>,
    /// The numbers behind it.
    #[prop(into)]
    table: Signal<DataTable>,
    /// Height in CSS pixels.
    #[prop(default = 280)]
    height: u32,
) -> impl IntoView {
    let i18n = use_i18n();
    let theme = use_theme().theme;
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    // The canvas's CSS width, kept by a ResizeObserver (an outside-world callback),
    // so a redraw never reads layout: reading `clientWidth` after the page's numbers
    // changed would force a synchronous layout on every slider step.
    let css_width = RwSignal::new(None::<f64>);
    let observer = crate::web::observe_width(canvas_ref, move |w| {
        if css_width.get_untracked() != Some(w) {
            css_width.set(Some(w));
        }
    });
    // Owned by this component: dropped (and disconnected) when it unmounts.
    StoredValue::new_local(observer);

    Effect::new(move |_| {
        let dark = theme.get() == Theme::Dark;
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        // Until the observer's first report, measure once.
        let css_w = css_width
            .get()
            .unwrap_or_else(|| canvas.client_width() as f64)
            .max(200.0);
        let dpr = device_pixel_ratio();
        let (w, h) = (
            (css_w * dpr).round() as u32,
            (height as f64 * dpr).round() as u32,
        );
        if canvas.width() != w {
            canvas.set_width(w);
        }
        if canvas.height() != h {
            canvas.set_height(h);
        }
        if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
            let area = backend.into_drawing_area();
            draw(
                &area,
                &Style {
                    palette: Palette::for_dark(dark),
                    scale: dpr,
                },
            );
            // A draw counter on the element lets tests (and curious learners) see redraws.
            let n: u32 = canvas
                .get_attribute("data-draws")
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            let _ = canvas.set_attribute("data-draws", &n.wrapping_add(1).to_string());
        }
    });

    view! {
        <figure class="chart">
            <canvas
                node_ref=canvas_ref
                role="img"
                aria-label=move || aria_label.get()
                style:height=format!("{height}px")
            ></canvas>
            <details class="data-table">
                <summary>{move || i18n.t(Key::UiShowData)}</summary>
                <table>
                    <thead>
                        <tr>{move || table.get().headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {move || {
                            table
                                .get()
                                .rows
                                .into_iter()
                                .map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
