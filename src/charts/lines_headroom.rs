//! Line charts with headroom above the data for the legend: the same drawing as
//! [`super::lines::draw_lines`], with a taller y axis (used where the lines start high
//! at the left, under the legend).

use super::lines::LineChart;
use super::{nice_ceiling, Style};
use plotters::coord::Shift;
use plotters::prelude::*;

fn finite(points: &[(f64, f64)]) -> impl Iterator<Item = (f64, f64)> + '_ {
    points
        .iter()
        .copied()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
}

/// Draws `data` on `area` like [`super::lines::draw_lines`], with the y axis extended to `headroom` × the
/// largest value so the legend (top left) sits above the lines.
pub fn draw_lines_headroom<DB: DrawingBackend>(
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
    let font = ("sans-serif", style.px(13.0)).into_font().color(&p.fg);
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
        chart
            .draw_series(LineSeries::new(
                finite(&s.points),
                colour.stroke_width(style.stroke(2.0)),
            ))?
            .label(s.name.as_str())
            .legend(move |(x, y)| Rectangle::new([(x, y - 4), (x + 14, y + 4)], colour.filled()));
    }
    if !data.series.is_empty() {
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(p.bg.mix(0.85))
            .border_style(p.grid)
            .label_font(font)
            .draw()?;
    }
    area.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::lines::Series;
    use crate::charts::testing::{Recording, RecordingBackend};
    use crate::charts::Palette;

    #[test]
    fn it_draws_series_and_survives_degenerate_data() {
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
                draw_lines_headroom(&area, &data, 1.6, &style).unwrap();
            }
            assert!(rec.texts.iter().any(|t| t == "redeem"));
        }
    }
}
