//! Pure chart drawing: functions generic over a plotters `DrawingBackend`, so the
//! same code draws on the browser canvas and on a recording backend in native
//! tests. Charts know nothing of widgets, signals or the DOM: they take plain data
//! (already-translated labels included) and a [`Style`].

pub mod bars;
pub mod columns;
pub mod fan;
pub mod lines;
pub mod mech_waterfall;
pub mod net_graph;
pub mod stake_dist;
#[cfg(test)]
pub(crate) mod testing;

/// The font families of every chart's text: the page's own stack (`style/main.css`,
/// `:root`), so that drawing a chart looks up no other face, Chinese labels included
/// (each face and size in use is a font look-up for the browser, about a millisecond
/// on the benchmark machine).
pub const FONT: &str =
    r#"system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif"#;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::RGBColor;

/// Whether two formatters are the same function, for the charts' `PartialEq` (chapters
/// keep a chart's data in a `Memo`, which redraws the chart only when the data
/// changed). Compared by address: one function may have two addresses (one per
/// codegen unit), which costs one needless redraw; two functions share an address only
/// when the compiler merged them for having the same code, so they format alike.
pub(crate) fn same_fmt(a: fn(f64) -> String, b: fn(f64) -> String) -> bool {
    std::ptr::fn_addr_eq(a, b)
}

/// Colours for one theme. The series colours match `--s0`…`--s5` in `style/main.css`
/// so HTML legends and canvas drawings agree.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Canvas background (the card colour).
    pub bg: RGBColor,
    /// Text and axes.
    pub fg: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Data series, in order.
    pub series: [RGBColor; 6],
}

impl Palette {
    /// Light theme colours.
    pub const LIGHT: Palette = Palette {
        bg: RGBColor(0xff, 0xff, 0xff),
        fg: RGBColor(0x1f, 0x23, 0x28),
        grid: RGBColor(0xe5, 0xe7, 0xeb),
        series: [
            RGBColor(0x25, 0x63, 0xeb),
            RGBColor(0xea, 0x58, 0x0c),
            RGBColor(0x16, 0xa3, 0x4a),
            RGBColor(0x7c, 0x3a, 0xed),
            RGBColor(0xdc, 0x26, 0x26),
            RGBColor(0x6b, 0x72, 0x80),
        ],
    };
    /// Dark theme colours.
    pub const DARK: Palette = Palette {
        bg: RGBColor(0x1b, 0x1f, 0x27),
        fg: RGBColor(0xe6, 0xe8, 0xeb),
        grid: RGBColor(0x2f, 0x35, 0x42),
        series: [
            RGBColor(0x60, 0xa5, 0xfa),
            RGBColor(0xfb, 0x92, 0x3c),
            RGBColor(0x4a, 0xde, 0x80),
            RGBColor(0xa7, 0x8b, 0xfa),
            RGBColor(0xf8, 0x71, 0x71),
            RGBColor(0x9c, 0xa3, 0xaf),
        ],
    };

    /// The palette for a theme.
    pub fn for_dark(dark: bool) -> Palette {
        if dark {
            Palette::DARK
        } else {
            Palette::LIGHT
        }
    }

    /// Series colour `i`, cycling.
    pub fn s(&self, i: usize) -> RGBColor {
        self.series[i % self.series.len()]
    }
}

/// How to draw: colours and the device-pixel scale (fonts and strokes are multiplied
/// by it so a HiDPI backing store stays legible).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    /// Colours.
    pub palette: Palette,
    /// Device pixels per CSS pixel (≥ 1).
    pub scale: f64,
}

impl Style {
    /// A font size in device pixels for a size given in CSS pixels.
    pub fn px(&self, css: f64) -> f64 {
        css * self.scale.max(1.0)
    }

    /// A stroke width in device pixels.
    pub fn stroke(&self, css: f64) -> u32 {
        (css * self.scale.max(1.0)).round().max(1.0) as u32
    }
}

/// How a legend row shows its series.
#[derive(Clone, Copy, Debug)]
pub enum Swatch {
    /// A filled block reaching `half` CSS pixels above and below the row's middle.
    Block(RGBAColor, f64),
    /// A line segment, dashed for overlays.
    Line(RGBAColor, bool),
}

/// The corner of the plotting area a legend sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Corner {
    /// Top left.
    UpperLeft,
    /// Bottom left.
    LowerLeft,
    /// Bottom right.
    LowerRight,
}

/// Draws a legend (a framed box of swatches and names) in a corner of `plot`, the
/// chart's plotting area. Text is sized through the backend's `estimate_text_size`;
/// plotters' own legend sizes it with its font layout, which in a browser inserts an
/// element into the page and reads it back: a forced layout per label per redraw.
pub fn draw_legend<DB: DrawingBackend>(
    plot: &DrawingArea<DB, Shift>,
    entries: &[(&str, Swatch)],
    corner: Corner,
    font: &TextStyle,
    style: &Style,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if entries.is_empty() {
        return Ok(());
    }
    let px = |css: f64| style.px(css).round() as i32;
    let (pad, gap, swatch_w, inset) = (px(6.0), px(6.0), px(14.0), px(8.0));
    let sizes: Vec<(u32, u32)> = entries
        .iter()
        .map(|(name, _)| plot.estimate_text_size(name, font).unwrap_or((0, 0)))
        .collect();
    let text_w = sizes.iter().map(|s| s.0 as i32).max().unwrap_or(0);
    let row_h = sizes
        .iter()
        .map(|s| s.1 as i32)
        .max()
        .unwrap_or(0)
        .max(px(12.0))
        + px(4.0);
    let (w, h) = (
        pad * 2 + swatch_w + gap + text_w,
        pad * 2 + row_h * entries.len() as i32,
    );
    let (pw, ph) = plot.dim_in_pixel();
    let (pw, ph) = (pw as i32, ph as i32);
    let x = match corner {
        Corner::UpperLeft | Corner::LowerLeft => inset,
        Corner::LowerRight => pw - inset - w,
    };
    let y = match corner {
        Corner::UpperLeft => inset,
        Corner::LowerLeft | Corner::LowerRight => ph - inset - h,
    };
    let p = &style.palette;
    plot.draw(&Rectangle::new(
        [(x, y), (x + w, y + h)],
        p.bg.mix(0.85).filled(),
    ))?;
    plot.draw(&Rectangle::new(
        [(x, y), (x + w, y + h)],
        p.grid.stroke_width(style.stroke(1.0)),
    ))?;
    let text = font.pos(Pos::new(HPos::Left, VPos::Center));
    for (i, (name, swatch)) in entries.iter().enumerate() {
        let mid = y + pad + row_h * i as i32 + row_h / 2;
        let (sx0, sx1) = (x + pad, x + pad + swatch_w);
        match *swatch {
            Swatch::Block(c, half) => {
                let half = px(half).max(1);
                plot.draw(&Rectangle::new(
                    [(sx0, mid - half), (sx1, mid + half)],
                    c.filled(),
                ))?;
            }
            Swatch::Line(c, dashed) => {
                let stroke = c.stroke_width(style.stroke(2.0));
                if dashed {
                    let third = swatch_w / 3;
                    plot.draw(&PathElement::new(
                        vec![(sx0, mid), (sx0 + third, mid)],
                        stroke,
                    ))?;
                    plot.draw(&PathElement::new(
                        vec![(sx1 - third, mid), (sx1, mid)],
                        stroke,
                    ))?;
                } else {
                    plot.draw(&PathElement::new(vec![(sx0, mid), (sx1, mid)], stroke))?;
                }
            }
        }
        plot.draw_text(name, &text, (sx1 + gap, mid))?;
    }
    Ok(())
}

/// How many x-axis labels (at most `max`, at least 2) fit along `plot_w` device pixels
/// when each is as wide as `widest` and neighbours keep a gap of `gap`. Labels are
/// centred on ticks spread over the whole axis, so `n` of them need
/// `(n − 1) · (widest + gap)` pixels. A phone-sized chart gets fewer labels instead of
/// labels printed over one another.
pub fn fitting_labels(plot_w: f64, widest: f64, gap: f64, max: usize) -> usize {
    let each = (widest + gap).max(1.0);
    if !plot_w.is_finite() || plot_w <= 0.0 {
        return 2;
    }
    ((plot_w / each).floor() as usize + 1).clamp(2, max.max(2))
}

/// A y-axis label formatter for horizontal-bar charts whose rows sit at `0..n`, top row
/// first: returns row `names[k]`'s label at its centre (`n − 1 − k + 0.5`) and "" elsewhere.
pub fn row_labels(names: Vec<String>) -> impl Fn(&f64) -> String {
    let n = names.len().max(1);
    move |y: &f64| {
        let i = (y.floor().max(0.0) as usize).min(n.saturating_sub(1));
        if (y - y.floor() - 0.5).abs() < 1e-6 {
            names.get(n - 1 - i).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    }
}

/// Rounds `max` up to a "nice" axis end (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) so ticks
/// land on round numbers without leaving much empty space above the data.
pub fn nice_ceiling(max: f64) -> f64 {
    if !max.is_finite() || max <= 0.0 {
        return 1.0;
    }
    let exp = max.log10().floor();
    let base = 10f64.powf(exp);
    let m = max / base;
    let nice = [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .find(|&n| m <= n + 1e-12)
        .unwrap_or(10.0);
    nice * base
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_rounds_axis_ends() {
        assert_eq!(nice_ceiling(3.7), 4.0);
        assert_eq!(nice_ceiling(51.0), 60.0);
        assert_eq!(nice_ceiling(46.5), 50.0);
        assert_eq!(nice_ceiling(0.021), 0.025);
        assert_eq!(nice_ceiling(100.0), 100.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(f64::NAN), 1.0);
        assert_eq!(nice_ceiling(41.0), 50.0);
    }

    #[test]
    fn the_legend_is_sized_from_the_backend_and_sits_in_its_corner() {
        use crate::charts::testing::{Recording, RecordingBackend};
        let mut rec = Recording::default();
        {
            let area = RecordingBackend {
                rec: &mut rec,
                size: (400, 300),
            }
            .into_drawing_area();
            let style = Style {
                palette: Palette::LIGHT,
                scale: 1.0,
            };
            let font = ("sans-serif", 13.0).into_font().color(&BLACK);
            let red = RGBColor(255, 0, 0).to_rgba();
            let entries = [
                ("short", Swatch::Block(red, 4.0)),
                ("a longer name", Swatch::Line(red, true)),
            ];
            draw_legend(&area, &entries, Corner::LowerRight, &font, &style).unwrap();
            draw_legend(&area, &[], Corner::UpperLeft, &font, &style).unwrap();
        }
        assert_eq!(
            rec.texts,
            ["short", "a longer name"],
            "one text per entry, none for an empty legend"
        );
        // The background box: inset 8 px from the lower right corner, as wide as the
        // longest name (13 characters × 7 px from the recording backend) plus swatch and padding.
        let (a, b, _) = rec.filled_rects[0];
        assert_eq!(b, (400 - 8, 300 - 8));
        assert_eq!(b.0 - a.0, 6 * 2 + 14 + 6 + 13 * 7);
        assert_eq!(b.1 - a.1, 6 * 2 + 2 * (12 + 4));
    }

    #[test]
    fn fitting_labels_never_overlap_and_stay_between_two_and_max() {
        // 5 labels of 40 px with 16 px gaps need 4 · 56 = 224 px between the outer ticks.
        assert_eq!(fitting_labels(224.0, 40.0, 16.0, 5), 5);
        assert_eq!(fitting_labels(223.0, 40.0, 16.0, 5), 4);
        assert_eq!(fitting_labels(1000.0, 40.0, 16.0, 5), 5);
        assert_eq!(fitting_labels(50.0, 40.0, 16.0, 5), 2);
        assert_eq!(fitting_labels(f64::NAN, 40.0, 16.0, 5), 2);
        for w in 0..2000 {
            let n = fitting_labels(w as f64, 40.0, 16.0, 6);
            assert!((2..=6).contains(&n));
            if n > 2 {
                assert!((n - 1) as f64 * 56.0 <= w as f64);
            }
        }
    }

    #[test]
    fn row_labels_name_rows_top_first_at_their_centres() {
        let f = row_labels(vec!["top".into(), "bottom".into()]);
        assert_eq!(f(&1.5), "top");
        assert_eq!(f(&0.5), "bottom");
        assert_eq!(f(&1.0), "");
        assert_eq!(row_labels(vec![])(&0.5), "");
    }
}
