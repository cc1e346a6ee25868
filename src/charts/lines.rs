//! Line charts over time (value of a position by month, for example), with an
//! optional shaded band between two series and a legend drawn in the canvas.

use super::{draw_legend, nice_ceiling, same_fmt, Corner, Style, Swatch};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One line.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Legend name.
    pub name: String,
    /// Points (x, y); non-finite points are skipped.
    pub points: Vec<(f64, f64)>,
    /// Palette series index.
    pub colour: usize,
}

/// Data for a line chart.
#[derive(Clone, Debug)]
pub struct LineChart {
    /// The lines.
    pub series: Vec<Series>,
    /// Caption of the x axis.
    pub x_caption: String,
    /// Caption of the y axis.
    pub y_caption: String,
    /// Formats x tick labels.
    pub x_fmt: fn(f64) -> String,
    /// Formats y tick labels.
    pub y_fmt: fn(f64) -> String,
    /// Start the y axis at zero (otherwise just below the smallest value).
    pub y_from_zero: bool,
}

/// Equal when the chart would be drawn the same (see [`super::same_fmt`]).
impl PartialEq for LineChart {
    fn eq(&self, o: &Self) -> bool {
        self.series == o.series
            && self.x_caption == o.x_caption
            && self.y_caption == o.y_caption
            && self.y_from_zero == o.y_from_zero
            && same_fmt(self.x_fmt, o.x_fmt)
            && same_fmt(self.y_fmt, o.y_fmt)
    }
}

fn finite(points: &[(f64, f64)]) -> impl Iterator<Item = (f64, f64)> + '_ {
    points
        .iter()
        .copied()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
}

/// Draws `data` on `area`.
pub fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &LineChart,
    style: &Style,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_lines_with_headroom(area, data, 1.02, style)
}

/// [`draw_lines`] with the y axis extended to `headroom` × the largest value (at least
/// 1.02), so a legend at the top left sits above lines that start high.
pub fn draw_lines_with_headroom<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &LineChart,
    headroom: f64,
    style: &Style,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let p = &style.palette;
    area.fill(&p.bg)?;
    let all = || data.series.iter().flat_map(|s| finite(&s.points));
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (x, y) in all() {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    if x0 > x1 {
        (x0, x1, y0, y1) = (0.0, 1.0, 0.0, 1.0);
    }
    if x1 - x0 < 1e-9 {
        x1 = x0 + 1.0;
    }
    let y_hi = nice_ceiling(y1.max(1e-9) * headroom.max(1.02));
    let y_lo = if data.y_from_zero {
        0.0
    } else {
        (y0 - (y1 - y0).max(y1.abs() * 0.01) * 0.1).max(0.0)
    };
    let y_lo = if y_lo >= y_hi { 0.0 } else { y_lo };
    let font = (super::FONT, style.px(13.0)).into_font().color(&p.fg);
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(64.0))
        .build_cartesian_2d(x0..x1, y_lo..y_hi)?;
    let (xf, yf) = (data.x_fmt, data.y_fmt);
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(p.grid)
        .axis_style(p.fg)
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|x| xf(*x))
        .y_label_formatter(&|y| yf(*y))
        .x_desc(data.x_caption.as_str())
        .y_desc(data.y_caption.as_str())
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .draw()?;
    for s in &data.series {
        let colour = p.s(s.colour);
        chart.draw_series(LineSeries::new(
            finite(&s.points),
            colour.stroke_width(style.stroke(2.0)),
        ))?;
    }
    let legend: Vec<(&str, Swatch)> = data
        .series
        .iter()
        .map(|s| (s.name.as_str(), Swatch::Block(p.s(s.colour).to_rgba(), 4.0)))
        .collect();
    draw_legend(
        &chart.plotting_area().strip_coord_spec(),
        &legend,
        Corner::UpperLeft,
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

    fn chart(series: Vec<Vec<(f64, f64)>>) -> LineChart {
        LineChart {
            series: series
                .into_iter()
                .enumerate()
                .map(|(i, points)| Series {
                    name: format!("s{i}"),
                    points,
                    colour: i,
                })
                .collect(),
            x_caption: "years".into(),
            y_caption: "ETH".into(),
            x_fmt: |x| format!("{x:.0}"),
            y_fmt: |y| format!("{y:.1}"),
            y_from_zero: false,
        }
    }

    fn draw(c: &LineChart) -> Recording {
        let mut rec = Recording::default();
        {
            let backend = RecordingBackend {
                rec: &mut rec,
                size: (640, 320),
            };
            let area = backend.into_drawing_area();
            draw_lines(
                &area,
                c,
                &Style {
                    palette: Palette::LIGHT,
                    scale: 2.0,
                },
            )
            .unwrap();
        }
        rec
    }

    #[test]
    fn it_draws_each_series_and_its_legend() {
        let rec = draw(&chart(vec![
            vec![(0.0, 32.0), (1.0, 33.0)],
            vec![(0.0, 32.0), (1.0, 34.0)],
        ]));
        assert!(rec.paths >= 2, "one path per series");
        assert!(rec.texts.iter().any(|t| t == "s0"));
        assert!(rec.texts.iter().any(|t| t == "s1"));
        assert!(rec.texts.iter().any(|t| t == "ETH"));
    }

    #[test]
    fn it_survives_degenerate_data() {
        draw(&chart(vec![]));
        draw(&chart(vec![vec![(0.0, f64::NAN)]]));
        draw(&chart(vec![vec![(1.0, 5.0)]]));
        draw(&chart(vec![vec![(0.0, 0.0), (1.0, 0.0)]]));
    }

    #[test]
    fn headroom_variant_draws_and_survives_degenerate_data() {
        for pts in [
            vec![(0.0, 32.0), (10.0, 40.0)],
            vec![],
            vec![(0.0, f64::NAN)],
        ] {
            let mut rec = Recording::default();
            {
                let backend = RecordingBackend {
                    rec: &mut rec,
                    size: (640, 320),
                };
                let area = backend.into_drawing_area();
                let data = LineChart {
                    series: vec![Series {
                        name: "redeem".into(),
                        points: pts.clone(),
                        colour: 0,
                    }],
                    x_caption: "days".into(),
                    y_caption: "ETH".into(),
                    x_fmt: |x| format!("{x:.0}"),
                    y_fmt: |y| format!("{y:.0}"),
                    y_from_zero: true,
                };
                let style = Style {
                    palette: Palette::LIGHT,
                    scale: 1.0,
                };
                draw_lines_with_headroom(&area, &data, 1.6, &style).unwrap();
            }
            assert!(rec.texts.iter().any(|t| t == "redeem"));
        }
    }
}
