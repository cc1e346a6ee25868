//! Grouped vertical columns: categories along the x axis (for example loss bins), one
//! column per group inside each category (for example pooled stake and unique stake).
//! The legend is drawn in HTML by the caller with the same palette colours.

use super::{nice_ceiling, same_fmt, Style};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Data for a grouped column chart.
#[derive(Clone, Debug)]
pub struct Columns {
    /// Category labels, left to right.
    pub categories: Vec<String>,
    /// Group names (legend in HTML) and palette indices.
    pub groups: Vec<(String, usize)>,
    /// `values[g][c]`: group `g`, category `c` (non-finite and negative values draw as 0).
    pub values: Vec<Vec<f64>>,
    /// Caption of the x axis.
    pub x_caption: String,
    /// Caption of the y axis.
    pub y_caption: String,
    /// Formats y tick labels.
    pub y_fmt: fn(f64) -> String,
    /// Smallest y axis end (so tiny values do not fill the whole height).
    pub y_min_top: f64,
    /// Index of a group to emphasise (others drawn lighter), if any.
    pub emphasis: Option<usize>,
}

/// Equal when the chart would be drawn the same (see [`super::same_fmt`]).
impl PartialEq for Columns {
    fn eq(&self, o: &Self) -> bool {
        self.categories == o.categories
            && self.groups == o.groups
            && self.values == o.values
            && self.x_caption == o.x_caption
            && self.y_caption == o.y_caption
            && self.y_min_top == o.y_min_top
            && self.emphasis == o.emphasis
            && same_fmt(self.y_fmt, o.y_fmt)
    }
}

fn clean(v: f64) -> f64 {
    if v.is_finite() {
        v.max(0.0)
    } else {
        0.0
    }
}

/// Draws `data` on `area`.
pub fn draw_columns<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Columns,
    style: &Style,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let p = &style.palette;
    area.fill(&p.bg)?;
    let n = data.categories.len().max(1);
    let g = data.groups.len().max(1);
    let max = data
        .values
        .iter()
        .flatten()
        .copied()
        .map(clean)
        .fold(0.0, f64::max);
    let y_hi = nice_ceiling(max.max(data.y_min_top) * 1.05);
    let font = (super::FONT, style.px(12.0)).into_font().color(&p.fg);
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(10.0))
        .margin_right(style.px(14.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(52.0))
        .build_cartesian_2d(0f64..n as f64, 0f64..y_hi)?;
    let cats = data.categories.clone();
    let x_fmt = move |x: &f64| {
        if (x - x.floor() - 0.5).abs() < 1e-6 {
            cats.get(x.floor().max(0.0) as usize)
                .cloned()
                .unwrap_or_default()
        } else {
            String::new()
        }
    };
    let yf = data.y_fmt;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(p.grid)
        .axis_style(p.fg)
        .x_labels(2 * n + 1)
        .x_label_formatter(&x_fmt)
        .y_labels(5)
        .y_label_formatter(&|y| yf(*y))
        .x_desc(data.x_caption.as_str())
        .y_desc(data.y_caption.as_str())
        .label_style(font.clone())
        .axis_desc_style(font)
        .draw()?;
    let inner = 0.8 / g as f64;
    for (gi, (_, colour)) in data.groups.iter().enumerate() {
        let c = p.s(*colour);
        let faded = data.emphasis.is_some_and(|e| e != gi);
        let fill = if faded {
            c.mix(0.35).filled()
        } else {
            c.filled()
        };
        let vals = data.values.get(gi).cloned().unwrap_or_default();
        chart.draw_series(vals.iter().enumerate().take(n).filter_map(|(ci, v)| {
            let v = clean(*v);
            (v > 0.0).then(|| {
                let x0 = ci as f64 + 0.1 + gi as f64 * inner;
                Rectangle::new([(x0, 0.0), (x0 + inner * 0.92, v.min(y_hi))], fill)
            })
        }))?;
    }
    area.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::{Recording, RecordingBackend};
    use crate::charts::Palette;

    fn data(values: Vec<Vec<f64>>) -> Columns {
        Columns {
            categories: vec!["a".into(), "b".into(), "c".into()],
            groups: vec![("pooled".into(), 0), ("unique".into(), 1)],
            values,
            x_caption: "loss".into(),
            y_caption: "probability".into(),
            y_fmt: |y| format!("{y:.1}%"),
            y_min_top: 1.0,
            emphasis: Some(0),
        }
    }

    fn draw(d: &Columns) -> Recording {
        let mut rec = Recording::default();
        {
            let backend = RecordingBackend {
                rec: &mut rec,
                size: (600, 280),
            };
            let area = backend.into_drawing_area();
            draw_columns(
                &area,
                d,
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
    fn it_draws_one_column_per_positive_value_and_labels_categories() {
        let rec = draw(&data(vec![vec![1.0, 0.0, 2.5], vec![0.5, f64::NAN, -1.0]]));
        let count = |c: (u8, u8, u8)| rec.filled_rects.iter().filter(|r| r.2 == c).count();
        assert_eq!(count((0x25, 0x63, 0xeb)), 2);
        assert_eq!(count((0xea, 0x58, 0x0c)), 1);
        for label in ["a", "b", "c", "loss", "probability"] {
            assert!(
                rec.texts.iter().any(|t| t == label),
                "{label}: {:?}",
                rec.texts
            );
        }
    }

    #[test]
    fn it_survives_empty_and_odd_data() {
        let mut d = data(vec![]);
        d.categories.clear();
        d.groups.clear();
        let rec = draw(&d);
        assert!(rec.texts.iter().any(|t| t == "loss"));
        let _ = draw(&data(vec![vec![f64::INFINITY; 3], vec![1e300; 3]]));
    }
}
