//! A stake distribution: one bar per holder (largest first) with each holder's share,
//! the cumulative share as a line, and horizontal threshold lines (1/3, 1/2, 2/3), so
//! the Nakamoto coefficient is where the line first rises above a threshold.

use super::{draw_legend, Corner, Style, Swatch};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Data for the distribution chart (values in percent).
#[derive(Clone, Debug, PartialEq)]
pub struct StakeDist {
    /// Shares of the holders drawn, largest first, in percent.
    pub shares_pct: Vec<f64>,
    /// Cumulative share after each holder drawn, in percent.
    pub cumulative_pct: Vec<f64>,
    /// Threshold lines: (value in percent, label).
    pub thresholds: Vec<(f64, String)>,
    /// Legend name of the bars.
    pub bars_name: String,
    /// Legend name of the cumulative line.
    pub line_name: String,
    /// Caption of the x axis.
    pub x_caption: String,
    /// Caption of the y axis.
    pub y_caption: String,
}

/// Draws `data` on `area`.
pub fn draw_stake_dist<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &StakeDist,
    style: &Style,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let p = &style.palette;
    area.fill(&p.bg)?;
    let n = data.shares_pct.len().max(1);
    let font = (super::FONT, style.px(13.0)).into_font().color(&p.fg);
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(12.0))
        .margin_right(style.px(36.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(52.0))
        .build_cartesian_2d(0f64..n as f64, 0f64..100f64)?;
    let step = (n / 8).max(1);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(p.grid)
        .axis_style(p.fg)
        .x_labels(n.min(60) * 2 + 1)
        .x_label_formatter(&|x| {
            let i = x.floor() as usize;
            if (x - x.floor() - 0.5).abs() < 1e-6 && (i.is_multiple_of(step) || i + 1 == n) {
                (i + 1).to_string()
            } else {
                String::new()
            }
        })
        .y_labels(6)
        .y_label_formatter(&|y| format!("{y:.0}%"))
        .x_desc(data.x_caption.as_str())
        .y_desc(data.y_caption.as_str())
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .draw()?;
    let bar = p.s(0);
    let gap = if n > 40 { 0.0 } else { 0.15 };
    chart.draw_series(data.shares_pct.iter().enumerate().map(|(i, v)| {
        let v = if v.is_finite() {
            v.clamp(0.0, 100.0)
        } else {
            0.0
        };
        Rectangle::new(
            [(i as f64 + gap, 0.0), (i as f64 + 1.0 - gap, v)],
            bar.filled(),
        )
    }))?;
    let thr = p.s(4);
    for (v, label) in &data.thresholds {
        chart.draw_series(LineSeries::new(
            [(0.0, *v), (n as f64, *v)],
            thr.stroke_width(style.stroke(1.0)),
        ))?;
        chart.draw_series(std::iter::once(Text::new(
            label.clone(),
            (n as f64, *v),
            font.clone()
                .pos(Pos::new(HPos::Left, VPos::Center))
                .color(&thr),
        )))?;
    }
    let line = p.s(1);
    let pts = std::iter::once((0.0, 0.0)).chain(
        data.cumulative_pct
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_finite())
            .map(|(i, v)| (i as f64 + 1.0, v.clamp(0.0, 100.0))),
    );
    chart.draw_series(LineSeries::new(pts, line.stroke_width(style.stroke(2.0))))?;
    draw_legend(
        &chart.plotting_area().strip_coord_spec(),
        &[
            (data.bars_name.as_str(), Swatch::Block(bar.to_rgba(), 4.0)),
            (data.line_name.as_str(), Swatch::Block(line.to_rgba(), 4.0)),
        ],
        Corner::LowerRight,
        &font,
        style,
    )?;
    area.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::{Recording, RecordingBackend};
    use crate::charts::Palette;

    fn draw(d: &StakeDist) -> Recording {
        let mut rec = Recording::default();
        {
            let backend = RecordingBackend {
                rec: &mut rec,
                size: (640, 320),
            };
            let area = backend.into_drawing_area();
            draw_stake_dist(
                &area,
                d,
                &Style {
                    palette: Palette::DARK,
                    scale: 2.0,
                },
            )
            .unwrap();
        }
        rec
    }

    fn data(shares: Vec<f64>) -> StakeDist {
        let mut acc = 0.0;
        let cumulative_pct = shares
            .iter()
            .map(|s| {
                acc += s;
                acc
            })
            .collect();
        StakeDist {
            shares_pct: shares,
            cumulative_pct,
            thresholds: vec![(100.0 / 3.0, "1/3".into()), (50.0, "1/2".into())],
            bars_name: "share".into(),
            line_name: "cumulative".into(),
            x_caption: "holders".into(),
            y_caption: "stake".into(),
        }
    }

    #[test]
    fn it_draws_bars_thresholds_and_legend() {
        let rec = draw(&data(vec![40.0, 25.0, 15.0, 10.0, 10.0]));
        assert!(rec.texts.iter().any(|t| t == "1/3"));
        assert!(rec.texts.iter().any(|t| t == "1/2"));
        assert!(rec.texts.iter().any(|t| t == "cumulative"));
        assert!(rec.texts.iter().any(|t| t == "share"));
        assert!(rec.paths >= 3, "threshold lines and the cumulative line");
    }

    #[test]
    fn it_survives_degenerate_data() {
        draw(&data(vec![]));
        draw(&data(vec![f64::NAN, 200.0, -3.0]));
        draw(&data(vec![1.0; 200]));
    }
}
