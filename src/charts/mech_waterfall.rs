//! A horizontal waterfall: each row is one step from gross yield to net yield (a
//! reward adds, a fee subtracts), drawn as a bar floating from the running total
//! before the step to the running total after it; total rows run from zero. Rows go
//! top to bottom so long (CJK) labels fit on a phone. Values in percent.

use super::{same_fmt, Style};
use plotters::coord::Shift;
use plotters::prelude::*;

/// What kind of row a step is (sets its colour).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// Adds to the running total (palette series 2, green).
    Gain,
    /// Subtracts from it (series 4, red).
    Cost,
    /// A total drawn from zero (series 0, blue).
    Total,
    /// The compounding effect of APR → APY (series 3, violet).
    Compounding,
}

/// One row: its label, signed change (ignored for totals) and the running total after it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Label drawn at the left.
    pub label: String,
    /// Signed change in percentage points.
    pub delta: f64,
    /// Running total after this row (for totals, the total itself).
    pub running: f64,
    /// How to colour it.
    pub kind: RowKind,
}

/// Data for a waterfall chart.
#[derive(Clone, Debug)]
pub struct Waterfall {
    /// Rows, top to bottom.
    pub rows: Vec<Row>,
    /// Caption under the value axis.
    pub x_caption: String,
    /// Formats a value (axis ticks and the value written beside each bar).
    pub fmt: fn(f64) -> String,
}

/// Equal when the chart would be drawn the same (see [`super::same_fmt`]).
impl PartialEq for Waterfall {
    fn eq(&self, o: &Self) -> bool {
        self.rows == o.rows && self.x_caption == o.x_caption && same_fmt(self.fmt, o.fmt)
    }
}

/// Colour index in the palette for a row kind.
pub fn colour_of(kind: RowKind) -> usize {
    match kind {
        RowKind::Gain => 2,
        RowKind::Cost => 4,
        RowKind::Total => 0,
        RowKind::Compounding => 3,
    }
}

fn fin(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

/// The (start, end) of a row's bar on the value axis.
pub fn span(row: &Row) -> (f64, f64) {
    let end = fin(row.running);
    match row.kind {
        RowKind::Total => (0.0, end),
        _ => (end - fin(row.delta), end),
    }
}

/// Draws `data` on `area`.
pub fn draw_waterfall<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Waterfall,
    style: &Style,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let p = &style.palette;
    area.fill(&p.bg)?;
    let n = data.rows.len().max(1);
    let (mut lo, mut hi) = (0f64, 0f64);
    for r in &data.rows {
        let (a, b) = span(r);
        lo = lo.min(a).min(b);
        hi = hi.max(a).max(b);
    }
    // Room on the right for the value written after the bar.
    let pad = ((hi - lo) * 0.38).max(0.5);
    let (x0, x1) = (if lo < 0.0 { lo - pad * 0.3 } else { 0.0 }, hi + pad);
    let font = (super::FONT, style.px(13.0)).into_font().color(&p.fg);
    let label_w = data
        .rows
        .iter()
        .filter_map(|r| area.estimate_text_size(&r.label, &font).ok())
        .map(|(w, _)| w as f64)
        .fold(0.0, f64::max);
    let fmt = data.fmt;
    let y_area = (label_w + style.px(12.0)).clamp(style.px(40.0), style.px(240.0));
    // As many x labels as fit (the widest is at one end of the axis).
    let x_label_w = [x0, x1]
        .iter()
        .filter_map(|x| area.estimate_text_size(&fmt(*x), &font).ok())
        .map(|(w, _)| w as f64)
        .fold(style.px(20.0), f64::max);
    let plot_w = area.dim_in_pixel().0 as f64 - 2.0 * style.px(10.0) - y_area;
    let x_labels = super::fitting_labels(plot_w, x_label_w, style.px(16.0), 5);
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(10.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(y_area)
        .build_cartesian_2d(x0..x1, 0f64..n as f64)?;
    let y_fmt = super::row_labels(data.rows.iter().map(|r| r.label.clone()).collect());
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(p.grid)
        .axis_style(p.fg)
        .x_labels(x_labels)
        .x_label_formatter(&|x| fmt(*x))
        .y_labels(2 * n + 1)
        .y_label_formatter(&y_fmt)
        .x_desc(data.x_caption.as_str())
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .draw()?;
    let small = (super::FONT, style.px(12.0)).into_font().color(&p.fg);
    for (i, row) in data.rows.iter().enumerate() {
        let y_top = (n - i) as f64 - 0.2;
        let y_bot = (n - 1 - i) as f64 + 0.2;
        let (a, b) = span(row);
        let (l, r) = (a.min(b), a.max(b));
        // A zero step still gets a hairline so the row is visibly "nothing".
        let r = if r - l < (x1 - x0) * 0.002 {
            l + (x1 - x0) * 0.002
        } else {
            r
        };
        chart.draw_series(std::iter::once(Rectangle::new(
            [(l, y_top), (r, y_bot)],
            p.s(colour_of(row.kind)).filled(),
        )))?;
        // Connector from this row's end to the next row's start.
        if i + 1 < data.rows.len() {
            let end = fin(row.running);
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(end, y_bot), (end, y_bot - 0.6)],
                p.fg.mix(0.35).stroke_width(style.stroke(1.0)),
            )))?;
        }
        let text = match row.kind {
            RowKind::Total => fmt(fin(row.running)),
            RowKind::Cost => format!("−{}", fmt(fin(row.delta).abs())),
            _ if row.delta < 0.0 => format!("−{}", fmt(-fin(row.delta))),
            _ => format!("+{}", fmt(fin(row.delta))),
        };
        chart.draw_series(std::iter::once(Text::new(
            text,
            (r + (x1 - x0) * 0.01, (y_top + y_bot) / 2.0 + 0.12),
            small.clone(),
        )))?;
    }
    area.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::{Recording, RecordingBackend};
    use crate::charts::Palette;

    fn rows() -> Vec<Row> {
        vec![
            Row {
                label: "CL".into(),
                delta: 2.85,
                running: 2.85,
                kind: RowKind::Gain,
            },
            Row {
                label: "LST fee".into(),
                delta: -0.3,
                running: 2.55,
                kind: RowKind::Cost,
            },
            Row {
                label: "Net".into(),
                delta: 0.0,
                running: 2.55,
                kind: RowKind::Total,
            },
        ]
    }

    fn draw(rows: Vec<Row>, dark: bool) -> Recording {
        let mut rec = Recording::default();
        {
            let backend = RecordingBackend {
                rec: &mut rec,
                size: (600, 300),
            };
            let area = backend.into_drawing_area();
            let data = Waterfall {
                rows,
                x_caption: "APR".into(),
                fmt: |x| format!("{x:.2}%"),
            };
            draw_waterfall(
                &area,
                &data,
                &Style {
                    palette: Palette::for_dark(dark),
                    scale: 2.0,
                },
            )
            .unwrap();
        }
        rec
    }

    #[test]
    fn it_draws_one_bar_per_row_in_kind_colours() {
        let rec = draw(rows(), false);
        let pal = Palette::LIGHT;
        let count = |i: usize| {
            let c = pal.s(i);
            rec.filled_rects
                .iter()
                .filter(|r| r.2 == (c.0, c.1, c.2))
                .count()
        };
        assert_eq!(count(2), 1);
        assert_eq!(count(4), 1);
        assert_eq!(count(0), 1);
        for t in ["CL", "LST fee", "Net", "+2.85%", "−0.30%", "2.55%", "APR"] {
            assert!(rec.texts.iter().any(|x| x == t), "{t} in {:?}", rec.texts);
        }
    }

    #[test]
    fn it_spans_floating_and_total_bars() {
        let r = rows();
        assert_eq!(span(&r[0]), (0.0, 2.85));
        let (a, b) = span(&r[1]);
        assert!((a - 2.85).abs() < 1e-12 && (b - 2.55).abs() < 1e-12);
        assert_eq!(span(&r[2]), (0.0, 2.55));
    }

    #[test]
    fn it_survives_degenerate_data() {
        draw(vec![], true);
        draw(
            vec![Row {
                label: "x".into(),
                delta: f64::NAN,
                running: f64::INFINITY,
                kind: RowKind::Cost,
            }],
            false,
        );
        draw(
            vec![Row {
                label: "neg".into(),
                delta: -5.0,
                running: -3.0,
                kind: RowKind::Total,
            }],
            false,
        );
    }
}
