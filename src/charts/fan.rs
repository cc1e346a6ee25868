//! Fan chart: percentile bands of a simulated value over time (an outer band, e.g.
//! 5th–95th percentile, an inner band, e.g. 25th–75th, and the median line), with
//! optional comparison lines drawn dashed on top and a legend in the canvas.

use super::{draw_legend, nice_ceiling, same_fmt, Corner, Style, Swatch};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One time point of the fan: `x` and the five percentiles `[p5, p25, p50, p75, p95]`.
pub type FanPoint = (f64, [f64; 5]);

/// A comparison line drawn dashed over the fan.
#[derive(Clone, Debug, PartialEq)]
pub struct Overlay {
    /// Legend name.
    pub name: String,
    /// Points (x, y); non-finite points are skipped.
    pub points: Vec<(f64, f64)>,
    /// Palette series index.
    pub colour: usize,
}

/// Data for a fan chart.
#[derive(Clone, Debug)]
pub struct FanChart {
    /// The fan, in x order.
    pub points: Vec<FanPoint>,
    /// Palette series index of the fan.
    pub colour: usize,
    /// Legend names: outer band, inner band, median.
    pub names: [String; 3],
    /// Dashed comparison lines.
    pub overlays: Vec<Overlay>,
    /// Caption of the x axis.
    pub x_caption: String,
    /// Caption of the y axis.
    pub y_caption: String,
    /// Formats x tick labels.
    pub x_fmt: fn(f64) -> String,
    /// Formats y tick labels.
    pub y_fmt: fn(f64) -> String,
}

/// Equal when the chart would be drawn the same (see [`super::same_fmt`]).
impl PartialEq for FanChart {
    fn eq(&self, o: &Self) -> bool {
        self.points == o.points
            && self.colour == o.colour
            && self.names == o.names
            && self.overlays == o.overlays
            && self.x_caption == o.x_caption
            && self.y_caption == o.y_caption
            && same_fmt(self.x_fmt, o.x_fmt)
            && same_fmt(self.y_fmt, o.y_fmt)
    }
}

fn ok(x: f64, y: f64) -> bool {
    x.is_finite() && y.is_finite()
}

/// The closed outline of the band between percentile `lo` and `hi` (indices into the
/// five percentiles): along `hi` forwards, back along `lo`.
pub fn band_outline(points: &[FanPoint], lo: usize, hi: usize) -> Vec<(f64, f64)> {
    let fwd = points
        .iter()
        .map(|(x, p)| (*x, p[hi.min(4)]))
        .filter(|(x, y)| ok(*x, *y));
    let back = points
        .iter()
        .rev()
        .map(|(x, p)| (*x, p[lo.min(4)]))
        .filter(|(x, y)| ok(*x, *y));
    fwd.chain(back).collect()
}

/// Draws `data` on `area`.
pub fn draw_fan<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &FanChart,
    style: &Style,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let p = &style.palette;
    area.fill(&p.bg)?;
    let all = data
        .points
        .iter()
        .flat_map(|(x, q)| q.iter().map(move |y| (*x, *y)))
        .chain(data.overlays.iter().flat_map(|o| o.points.iter().copied()))
        .filter(|(x, y)| ok(*x, *y));
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (x, y) in all {
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
    let y_hi = nice_ceiling(y1.max(1e-9) * 1.02);
    let y_lo = (y0 - (y1 - y0).max(y1.abs() * 0.01) * 0.1).max(0.0);
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
    let c = p.s(data.colour);
    let [outer, inner, median] = &data.names;
    chart.draw_series(std::iter::once(Polygon::new(
        band_outline(&data.points, 0, 4),
        c.mix(0.18).filled(),
    )))?;
    chart.draw_series(std::iter::once(Polygon::new(
        band_outline(&data.points, 1, 3),
        c.mix(0.38).filled(),
    )))?;
    chart.draw_series(LineSeries::new(
        data.points
            .iter()
            .map(|(x, q)| (*x, q[2]))
            .filter(|(x, y)| ok(*x, *y)),
        c.stroke_width(style.stroke(2.5)),
    ))?;
    let dash = style.px(6.0) as i32;
    for o in &data.overlays {
        let oc = p.s(o.colour);
        let pts: Vec<(f64, f64)> = o
            .points
            .iter()
            .copied()
            .filter(|(x, y)| ok(*x, *y))
            .collect();
        chart.draw_series(DashedLineSeries::new(
            pts,
            dash,
            dash / 2,
            oc.stroke_width(style.stroke(2.0)),
        ))?;
    }
    let mut legend = vec![
        (outer.as_str(), Swatch::Block(c.mix(0.18), 5.0)),
        (inner.as_str(), Swatch::Block(c.mix(0.38), 5.0)),
        (median.as_str(), Swatch::Block(c.to_rgba(), 2.0)),
    ];
    legend.extend(
        data.overlays
            .iter()
            .map(|o| (o.name.as_str(), Swatch::Line(p.s(o.colour).to_rgba(), true))),
    );
    // Lower left: every path starts at the same value on the left, above this corner.
    draw_legend(
        &chart.plotting_area().strip_coord_spec(),
        &legend,
        Corner::LowerLeft,
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

    fn fan(n: usize, overlays: usize) -> FanChart {
        FanChart {
            points: (0..n)
                .map(|i| {
                    let x = i as f64 / 12.0;
                    let m = 100.0 + i as f64;
                    (x, [m - 10.0, m - 3.0, m, m + 2.0, m + 4.0])
                })
                .collect(),
            colour: 0,
            names: ["p5–p95".into(), "p25–p75".into(), "median".into()],
            overlays: (0..overlays)
                .map(|k| Overlay {
                    name: format!("o{k}"),
                    points: (0..n).map(|i| (i as f64 / 12.0, 90.0 + i as f64)).collect(),
                    colour: 1 + k,
                })
                .collect(),
            x_caption: "years".into(),
            y_caption: "ETH".into(),
            x_fmt: |x| format!("{x:.0}"),
            y_fmt: |y| format!("{y:.0}"),
        }
    }

    fn draw(c: &FanChart) -> Recording {
        let mut rec = Recording::default();
        {
            let backend = RecordingBackend {
                rec: &mut rec,
                size: (640, 320),
            };
            let area = backend.into_drawing_area();
            draw_fan(
                &area,
                c,
                &Style {
                    palette: Palette::LIGHT,
                    scale: 1.0,
                },
            )
            .unwrap();
        }
        rec
    }

    #[test]
    fn outline_goes_up_the_top_and_back_along_the_bottom() {
        let f = fan(3, 0);
        let o = band_outline(&f.points, 0, 4);
        assert_eq!(o.len(), 6);
        assert_eq!(o[0], (0.0, 104.0));
        assert_eq!(o[2], (2.0 / 12.0, 106.0));
        assert_eq!(o[3], (2.0 / 12.0, 92.0));
        assert_eq!(o[5], (0.0, 90.0));
    }

    #[test]
    fn it_draws_two_bands_a_median_overlays_and_a_legend() {
        let rec = draw(&fan(37, 2));
        // two filled bands
        assert!(rec.paths >= 2, "{rec:?}");
        for name in ["p5–p95", "p25–p75", "median", "o0", "o1", "years", "ETH"] {
            assert!(
                rec.texts.iter().any(|t| t == name),
                "{name} in {:?}",
                rec.texts
            );
        }
    }

    #[test]
    fn it_survives_empty_and_non_finite_data() {
        let mut f = fan(0, 0);
        draw(&f);
        f.points = vec![
            (0.0, [f64::NAN; 5]),
            (1.0, [1.0, 2.0, 3.0, 4.0, f64::INFINITY]),
        ];
        draw(&f);
    }
}
