//! Horizontal stacked bars: each bar is a scenario (for example "staking only"
//! and "staking + restaking"), each segment one source of yield. Values are in
//! percent; the segment's value is written inside it when it fits.

use super::{nice_ceiling, same_fmt, Style};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One bar: its label and its segment values (same order as [`StackedBars::segments`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Category label drawn at the left of the bar.
    pub label: String,
    /// Segment values (non-negative; negatives are drawn as zero).
    pub values: Vec<f64>,
}

/// Data for a stacked bar chart.
#[derive(Clone, Debug)]
pub struct StackedBars {
    /// Segment names (the legend is drawn in HTML by the caller, with the same colours).
    pub segments: Vec<String>,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
    /// Axis caption under the x axis.
    pub x_caption: String,
    /// Formats an axis value (for example as a percentage in the learner's locale).
    pub fmt: fn(f64) -> String,
}

/// Equal when the chart would be drawn the same (see [`super::same_fmt`]).
impl PartialEq for StackedBars {
    fn eq(&self, o: &Self) -> bool {
        self.segments == o.segments
            && self.bars == o.bars
            && self.x_caption == o.x_caption
            && same_fmt(self.fmt, o.fmt)
    }
}

/// Draws `data` on `area`.
pub fn draw_stacked_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &StackedBars,
    style: &Style,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let p = &style.palette;
    area.fill(&p.bg)?;
    let n = data.bars.len().max(1);
    let total = |b: &Bar| {
        b.values
            .iter()
            .map(|v| v.max(0.0))
            .filter(|v| v.is_finite())
            .sum::<f64>()
    };
    let max = data.bars.iter().map(total).fold(0.0, f64::max);
    let x_max = nice_ceiling(max * 1.05);
    let font = (super::FONT, style.px(13.0)).into_font().color(&p.fg);
    // Measure the bar labels with the backend's own text metrics (CJK glyphs are wide).
    let label_w = data
        .bars
        .iter()
        .filter_map(|b| area.estimate_text_size(&b.label, &font).ok())
        .map(|(w, _)| w as f64)
        .fold(0.0, f64::max);
    let fmt = data.fmt;
    let y_area = (label_w + style.px(12.0)).clamp(style.px(40.0), style.px(220.0));
    // As many x labels as fit (the widest is the largest value's).
    let x_label_w = area
        .estimate_text_size(&fmt(x_max), &font)
        .map_or(style.px(40.0), |(w, _)| w as f64);
    let plot_w = area.dim_in_pixel().0 as f64 - style.px(10.0) - style.px(28.0) - y_area;
    let x_labels = super::fitting_labels(plot_w, x_label_w, style.px(16.0), 5);
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(10.0))
        // Room for the last x tick label, which is centred on the right edge.
        .margin_right(style.px(28.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(y_area)
        .build_cartesian_2d(0f64..x_max, 0f64..n as f64)?;
    let y_fmt = super::row_labels(data.bars.iter().map(|b| b.label.clone()).collect());
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
    for (i, bar) in data.bars.iter().enumerate() {
        let y_top = (n - i) as f64 - 0.2;
        let y_bot = (n - 1 - i) as f64 + 0.2;
        let mut x0 = 0.0;
        for (j, v) in bar.values.iter().enumerate() {
            let v = if v.is_finite() { v.max(0.0) } else { 0.0 };
            if v == 0.0 {
                continue;
            }
            let x1 = x0 + v;
            chart.draw_series(std::iter::once(Rectangle::new(
                [(x0, y_top), (x1, y_bot)],
                p.s(j).filled(),
            )))?;
            // Write the value inside the segment only when it fits, in device pixels.
            let text_style = (super::FONT, style.px(12.0)).into_font().color(&p.bg);
            let label = fmt(v);
            let seg_px = chart.backend_coord(&(x1, y_top)).0 - chart.backend_coord(&(x0, y_top)).0;
            let pad = style.px(6.0) as i32;
            if let Ok((text_w, _)) = area.estimate_text_size(&label, &text_style) {
                if (text_w as i32) + 2 * pad <= seg_px {
                    let (px0, _) = chart.backend_coord(&(x0, y_top));
                    let y_mid = chart.backend_coord(&(x0, (y_top + y_bot) / 2.0)).1;
                    area.draw(&Text::new(
                        label,
                        (px0 + pad, y_mid),
                        text_style.pos(Pos::new(HPos::Left, VPos::Center)),
                    ))?;
                }
            }
            x0 = x1;
        }
    }
    area.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::{Recording, RecordingBackend};
    use crate::charts::Palette;

    fn data(values: Vec<Vec<f64>>) -> StackedBars {
        StackedBars {
            segments: vec!["base".into(), "restake".into()],
            bars: values
                .into_iter()
                .enumerate()
                .map(|(i, v)| Bar {
                    label: format!("bar{i}"),
                    values: v,
                })
                .collect(),
            x_caption: "APR".into(),
            fmt: |x| format!("{x:.1}%"),
        }
    }

    fn draw(d: &StackedBars, dark: bool) -> Recording {
        let mut rec = Recording::default();
        {
            let backend = RecordingBackend {
                rec: &mut rec,
                size: (600, 240),
            };
            let area = backend.into_drawing_area();
            draw_stacked_bars(
                &area,
                d,
                &Style {
                    palette: Palette::for_dark(dark),
                    scale: 1.0,
                },
            )
            .unwrap();
        }
        rec
    }

    #[test]
    fn it_draws_one_rect_per_nonzero_segment_in_series_colours() {
        let rec = draw(&data(vec![vec![3.0, 0.0], vec![3.0, 1.5]]), false);
        let seg: Vec<_> = rec
            .filled_rects
            .iter()
            .filter(|r| r.2 != (0xff, 0xff, 0xff))
            .collect();
        assert_eq!(seg.len(), 3);
        let c0 = Palette::LIGHT.s(0);
        let c1 = Palette::LIGHT.s(1);
        assert_eq!(seg.iter().filter(|r| r.2 == (c0.0, c0.1, c0.2)).count(), 2);
        assert_eq!(seg.iter().filter(|r| r.2 == (c1.0, c1.1, c1.2)).count(), 1);
        assert!(rec.texts.iter().any(|t| t == "bar0"));
        assert!(rec.texts.iter().any(|t| t == "bar1"));
        assert!(rec.texts.iter().any(|t| t == "APR"));
    }

    #[test]
    fn equal_data_compares_equal_and_any_drawn_change_does_not() {
        // Chapters keep chart data in a `Memo`: equal data means no redraw.
        let a = data(vec![vec![3.0, 0.0], vec![3.0, 1.5]]);
        assert_eq!(a, data(vec![vec![3.0, 0.0], vec![3.0, 1.5]]));
        assert_ne!(a, data(vec![vec![3.0, 0.0], vec![3.0, 1.6]]));
        assert_ne!(
            a,
            StackedBars {
                x_caption: "年化".into(),
                ..a.clone()
            }
        );
        assert_ne!(
            a,
            StackedBars {
                fmt: |x| format!("{x:.3}%"),
                ..a.clone()
            }
        );
        // NaN is never equal to itself: such data always redraws, never goes stale.
        let nan = data(vec![vec![f64::NAN, 1.0]]);
        assert_ne!(nan, nan.clone());
    }

    #[test]
    fn it_follows_the_theme_background() {
        let rec = draw(&data(vec![vec![1.0, 1.0]]), true);
        let bg = Palette::DARK.bg;
        assert_eq!(rec.filled_rects[0].2, (bg.0, bg.1, bg.2));
    }

    #[test]
    fn it_survives_degenerate_data() {
        draw(&data(vec![]), false);
        draw(
            &data(vec![vec![f64::NAN, f64::INFINITY], vec![-1.0, 0.0]]),
            false,
        );
    }
}
