//! The one canvas component: draws a pure chart function sharply on HiDPI screens,
//! redraws when its data, the theme or the width change, and offers the same
//! numbers as a table for screen readers and for learners who prefer numbers.
//! Also the canvas backend it draws on ([`ChartCanvas`]), which measures text with
//! the canvas instead of the page layout.

use crate::charts::{Palette, Style};
use crate::ctx::use_theme;
use crate::i18n::{use_i18n, Key};
use crate::prefs::Theme;
use crate::web::device_pixel_ratio;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The backend every chart is drawn on: plotters-canvas's `CanvasBackend`, except that
/// text is measured with the canvas's own `measureText` (and cached). Plotters' default
/// for the web measures by adding a `<span>` to the page and reading its size, which
/// forces a layout of the whole page for every axis label on every redraw: it was the
/// largest single cost of a slider step (see the performance section of the README).
///
/// It also draws everything itself, setting the font, alignment, baseline, fill and
/// stroke style only when they change (plotters-canvas formats a colour string, and
/// the canvas parses it, for every line, bar and label), and it strokes consecutive
/// lines of one style (a chart's grid lines, say) as one path: one `stroke()` instead
/// of one per line. The pending path is stroked before any other drawing, so the
/// order of what is drawn, and what covers what, is plotters' own.
pub struct ChartCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The text state last set on the context by this wrapper (`None`: unknown).
    text_state: RefCell<Option<TextState>>,
    /// The `fillStyle` last set, as plotters' colour (`None`: unknown).
    fill: Option<ColorKey>,
    /// The `strokeStyle` and `lineWidth` last set (`None`: unknown).
    stroke: Option<(ColorKey, u32)>,
    /// Lines added to the current path and not yet stroked (in the `stroke` style).
    pending_lines: bool,
}

/// A colour as plotters gives it, comparable: red, green, blue and alpha's bits.
type ColorKey = (u8, u8, u8, u64);

fn color_key(c: BackendColor) -> ColorKey {
    (c.rgb.0, c.rgb.1, c.rgb.2, c.alpha.to_bits())
}

/// plotters-canvas's adjustment for crisp one-pixel lines: a vertical or horizontal
/// line is moved half a pixel onto the pixel grid.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = ((from.0 as f64, from.1 as f64), (to.0 as f64, to.1 as f64));
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

/// Font (CSS), `textAlign` and `textBaseline` as last set on the context.
#[derive(Clone, PartialEq)]
struct TextState {
    font: String,
    align: &'static str,
    baseline: &'static str,
}

/// A canvas call failed (never seen in practice; plotters reports it as a font error,
/// the only variant of its error type this crate can build).
#[derive(Debug)]
struct CanvasCallFailed;

impl std::fmt::Display for CanvasCallFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a canvas call failed")
    }
}

impl std::error::Error for CanvasCallFailed {}

fn call_failed<E>(_: wasm_bindgen::JsValue) -> DrawingErrorKind<E>
where
    E: std::error::Error + Send + Sync,
{
    DrawingErrorKind::FontError(Box::new(CanvasCallFailed))
}

/// The CSS font string for a plotters text style (the one plotters-canvas sets).
fn css_font<S: BackendTextStyle>(style: &S) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    )
}

/// A CSS colour: `rgb(…)` when opaque (no float formatting), else `rgba(…)`.
fn css_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    if c.alpha >= 1.0 {
        format!("rgb({r},{g},{b})")
    } else {
        format!("rgba({r},{g},{b},{})", c.alpha)
    }
}

thread_local! {
    /// Measured text sizes by CSS font and text: labels repeat from one redraw to the next.
    static TEXT_SIZES: RefCell<HashMap<(String, String), (u32, u32)>> = RefCell::new(HashMap::new());
}

impl ChartCanvas {
    /// Wraps a canvas element; `None` if it has no 2-D context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Self> {
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()?
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(Self {
            inner,
            context,
            text_state: RefCell::new(None),
            fill: None,
            stroke: None,
            pending_lines: false,
        })
    }

    /// Strokes the lines waiting in the current path, if any.
    fn flush(&mut self) {
        if self.pending_lines {
            self.context.stroke();
            self.pending_lines = false;
        }
    }

    /// Sets `fillStyle` unless it is already `color`.
    fn set_fill(&mut self, color: BackendColor) {
        let key = color_key(color);
        if self.fill != Some(key) {
            self.context.set_fill_style_str(&css_color(color));
            self.fill = Some(key);
        }
    }

    /// Sets `strokeStyle` and `lineWidth` unless they are already these.
    fn set_stroke<S: BackendStyle>(&mut self, style: &S) {
        let (key, width) = (color_key(style.color()), style.stroke_width());
        match self.stroke {
            Some((k, w)) if k == key && w == width => {}
            Some((k, _)) if k == key => {
                self.context.set_line_width(f64::from(width));
                self.stroke = Some((key, width));
            }
            Some((_, w)) if w == width => {
                self.context.set_stroke_style_str(&css_color(style.color()));
                self.stroke = Some((key, width));
            }
            _ => {
                self.context.set_stroke_style_str(&css_color(style.color()));
                self.context.set_line_width(f64::from(width));
                self.stroke = Some((key, width));
            }
        }
    }

    /// Starts or continues a batch of lines in `style`: strokes the waiting lines first
    /// if their style differs, then leaves a path open to add to.
    fn lines_in<S: BackendStyle>(&mut self, style: &S) {
        let same = self.pending_lines
            && self.stroke == Some((color_key(style.color()), style.stroke_width()));
        if !same {
            self.flush();
            self.set_stroke(style);
            self.context.begin_path();
            self.pending_lines = true;
        }
    }

    /// Width and height of `text` in `font` (a CSS font, as `draw_text` sets it), in
    /// backing-store pixels: the advance width, and the font's ascent plus descent.
    fn measure(&self, font: &str, text: &str, size: f64) -> (u32, u32) {
        let key = (font.to_owned(), text.to_owned());
        if let Some(hit) = TEXT_SIZES.with(|c| c.borrow().get(&key).copied()) {
            return hit;
        }
        self.set_font(font);
        let measured = self.context.measure_text(text).ok().map(|m| {
            let h = m.font_bounding_box_ascent() + m.font_bounding_box_descent();
            let h = if h.is_finite() && h > 0.0 {
                h
            } else {
                size * 1.2
            };
            (m.width().ceil().max(0.0) as u32, h.ceil() as u32)
        });
        // Without a measurement (never seen in practice): a generous estimate.
        let sized = measured.unwrap_or((
            (text.chars().count() as f64 * size * 0.6) as u32,
            (size * 1.2) as u32,
        ));
        TEXT_SIZES.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() > 4096 {
                c.clear();
            }
            c.insert(key, sized);
        });
        sized
    }

    /// Sets the context's font unless it is already `font`.
    fn set_font(&self, font: &str) {
        let mut st = self.text_state.borrow_mut();
        if st.as_ref().is_some_and(|t| t.font == font) {
            return;
        }
        self.context.set_font(font);
        match st.as_mut() {
            Some(t) => t.font = font.to_owned(),
            // Alignment and baseline unknown: empty strings never match a real value.
            None => {
                *st = Some(TextState {
                    font: font.to_owned(),
                    align: "",
                    baseline: "",
                })
            }
        }
    }
}

impl Drop for ChartCanvas {
    /// Strokes what is still waiting, should a drawing end without `present()`.
    fn drop(&mut self) {
        self.flush();
    }
}

type CanvasResult<T = ()> =
    Result<T, DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

impl DrawingBackend for ChartCanvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> CanvasResult {
        Ok(())
    }
    fn present(&mut self) -> CanvasResult {
        self.flush();
        Ok(())
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> CanvasResult {
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.set_fill(color);
        self.context
            .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> CanvasResult {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (a, b) = crisp(from, to);
        self.lines_in(style);
        self.context.move_to(a.0, a.1);
        self.context.line_to(b.0, b.1);
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> CanvasResult {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (
            f64::from(bottom_right.0 - upper_left.0),
            f64::from(bottom_right.1 - upper_left.1),
        );
        if fill {
            self.set_fill(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> CanvasResult {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let mut path = path.into_iter();
        let Some(start) = path.next() else {
            return Ok(());
        };
        // A polyline is a subpath of its own: it joins the batch of its style.
        self.lines_in(style);
        self.context.move_to(f64::from(start.0), f64::from(start.1));
        for next in path {
            self.context.line_to(f64::from(next.0), f64::from(next.1));
        }
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> CanvasResult {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        if fill {
            self.set_fill(style.color());
        } else {
            self.set_stroke(style);
        }
        self.context.begin_path();
        self.context
            .arc(
                f64::from(center.0),
                f64::from(center.1),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(call_failed)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> CanvasResult {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        let mut vert = vert.into_iter();
        self.context.begin_path();
        if let Some(start) = vert.next() {
            self.set_fill(style.color());
            self.context.move_to(f64::from(start.0), f64::from(start.1));
            for next in vert {
                self.context.line_to(f64::from(next.0), f64::from(next.1));
            }
            self.context.close_path();
        }
        self.context.fill();
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> CanvasResult {
        // What plotters-canvas's draw_text does, with the text state set only on change.
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let degrees = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        };
        self.flush();
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        if degrees != 0.0 {
            self.context.save();
            self.context.translate(x, y).map_err(call_failed)?;
            self.context
                .rotate(degrees / 180.0 * std::f64::consts::PI)
                .map_err(call_failed)?;
            (x, y) = (0.0, 0.0);
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        self.set_font(&css_font(style));
        {
            let mut st = self.text_state.borrow_mut();
            if let Some(t) = st.as_mut() {
                if t.baseline != baseline {
                    self.context.set_text_baseline(baseline);
                    t.baseline = baseline;
                }
                if t.align != align {
                    self.context.set_text_align(align);
                    t.align = align;
                }
            }
        }
        self.set_fill(color);
        let drawn = self.context.fill_text(text, x, y).map_err(call_failed);
        if degrees != 0.0 {
            self.context.restore();
            // restore() brings back the state from before save(): unknown to us.
            *self.text_state.borrow_mut() = None;
            self.fill = None;
            self.stroke = None;
        }
        drawn
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> CanvasResult<(u32, u32)> {
        Ok(self.measure(&css_font(style), text, style.size()))
    }
}

/// The data behind a chart, as text already formatted for the learner's locale.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataTable {
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

/// The pure drawing function a [`Chart`] calls: one of `crate::charts`' `draw_…`
/// functions (or a closure that captures nothing around one). A plain function
/// pointer, so it cannot capture a signal, and the chart calls it untracked: everything
/// a chart shows comes through its `data`, and only a change of that value (or of the
/// theme or the width) redraws it.
pub type DrawFn<T> =
    fn(
        &DrawingArea<ChartCanvas, Shift>,
        &T,
        &Style,
    ) -> Result<(), DrawingAreaErrorKind<<ChartCanvas as DrawingBackend>::ErrorType>>;

/// A canvas that shows `data`, drawn by `draw`. The backing store is CSS size ×
/// `devicePixelRatio`; fonts and strokes scale with it. `role="img"` with `aria_label`,
/// and a "show data" table below.
///
/// It redraws when `data` changes value, when the theme changes and when its width
/// changes; never before it has been laid out. `data` is a `Memo`, so a recomputation
/// that gives a value equal to the old one (the chart data types compare by value; see
/// `crate::charts`) does not redraw: moving a slider redraws only the charts whose
/// picture it changes.
#[component]
pub fn Chart<T>(
    /// What the chart shows.
    data: Memo<T>,
    /// Draws it (pure; see [`DrawFn`]).
    draw: DrawFn<T>,
    /// What the chart shows, in words.
    #[prop(into)]
    aria_label: Signal<String>,
    /// The numbers behind it.
    #[prop(into)]
    table: Signal<DataTable>,
    /// Height in CSS pixels.
    #[prop(default = 280)]
    height: u32,
) -> impl IntoView
where
    T: PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let theme = use_theme().theme;
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let details_ref = NodeRef::<leptos::html::Details>::new();
    let open = RwSignal::new(false);
    // The canvas's CSS width, kept by a ResizeObserver (an outside-world callback),
    // so a redraw never reads layout: reading `clientWidth` after the page's numbers
    // changed would force a synchronous layout on every slider step.
    //
    // The first report comes while the browser renders the frame that first lays the
    // chart out: drawing there made that frame (style, layout, every chart on screen)
    // one long task. So the first drawing is a task of its own right after that frame
    // (the canvas, its height fixed, shows one frame empty); later reports (a resize)
    // redraw at once, before their frame is painted, so a resize never flickers.
    let css_width = RwSignal::new(None::<f64>);
    let observer = crate::web::observe_width(canvas_ref, move |w| {
        match css_width.try_get_untracked() {
            Some(None) => set_timeout(
                move || {
                    // Reports are handled in order: the last one wins. A chart gone
                    // meanwhile (the learner has left the page) has nothing to set.
                    if css_width.try_get_untracked().is_some_and(|c| c != Some(w)) {
                        css_width.set(Some(w));
                    }
                },
                std::time::Duration::ZERO,
            ),
            Some(Some(c)) if c != w => css_width.set(Some(w)),
            _ => {}
        }
    });
    // Owned by this component: dropped (and disconnected) when it unmounts.
    StoredValue::new_local(observer);

    Effect::new(move |_| {
        let dark = theme.get() == Theme::Dark;
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        // The observer reports the width once the canvas is laid out (before that
        // frame is painted); until then there is nothing to draw, and reading
        // `clientWidth` here would force a layout of the page still being built.
        let Some(css_w) = css_width.get() else {
            return;
        };
        let css_w = css_w.max(200.0);
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
        if let Some(backend) = ChartCanvas::new(canvas.clone()) {
            let area = backend.into_drawing_area();
            let style = Style {
                palette: Palette::for_dark(dark),
                scale: dpr,
            };
            // A failed canvas call leaves a partial picture, which the next redraw
            // replaces; there is nothing better to do with it here.
            // Untracked: a signal read inside the drawing (through a context, say)
            // must not become a reason to redraw.
            let _ = data.with(|d| untrack(|| draw(&area, d, &style)));
            // Strokes the last batch of lines (see `ChartCanvas`).
            let _ = area.present();
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
            <details
                class="data-table"
                node_ref=details_ref
                on:toggle=move |_| open.set(details_ref.get().is_some_and(|d| d.open()))
            >
                <summary>{move || i18n.t(Key::UiShowData)}</summary>
                // Built only while open: a closed table is neither shown nor read out, and
                // formatting its numbers on every slider step cost every chart time.
                {move || {
                    open.get()
                        .then(|| {
                            let DataTable { headers, rows } = table.get();
                            view! {
                                <table>
                                    <thead>
                                        <tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                                    </thead>
                                    <tbody>
                                        {rows
                                            .into_iter()
                                            .map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            }
                        })
                }}
            </details>
        </figure>
    }
}
