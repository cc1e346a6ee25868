//! The chapters, one module each, and helpers they share. The registry that the
//! navigation and the home page's journey are built from is `crate::journey`.

pub mod lst_vs_restaking;
pub mod mechanism;
pub mod network;
pub mod regulation;
pub mod risks;
pub mod strategy;
pub mod use_cases;
pub mod what_is;
pub mod who;

use crate::charts::lines::{LineChart, Series};
use crate::i18n::{format, Key, Locale};
use crate::model::num::to_f64;
use crate::widgets::DataTable;
use rust_decimal::Decimal;

pub use crate::journey::{ChapterMeta, CHAPTERS};

/// A value path: `(years, value in ETH)`, one point per month.
pub type Path = [(Decimal, Decimal)];

/// Line-chart data for value paths over years: one series per `(name, path, colour)`.
pub fn growth_chart(
    l: Locale,
    series: &[(Key, &Path, usize)],
    x_caption: Key,
    y_caption: Key,
) -> LineChart {
    LineChart {
        series: series
            .iter()
            .map(|(name, path, colour)| Series {
                name: l.text(*name).into(),
                points: path.iter().map(|(x, y)| (to_f64(*x), to_f64(*y))).collect(),
                colour: *colour,
            })
            .collect(),
        x_caption: l.text(x_caption).into(),
        y_caption: l.text(y_caption).into(),
        x_fmt: |x| format!("{x:.0}"),
        y_fmt: |y| format!("{y:.1}"),
        y_from_zero: false,
    }
}

/// The data table behind a growth chart: one row a year (every 12th monthly point).
pub fn yearly_table(l: Locale, year_header: Key, series: &[(Key, &Path)]) -> DataTable {
    let years = series
        .iter()
        .map(|(_, p)| p.len().div_ceil(12))
        .max()
        .unwrap_or(0);
    DataTable {
        headers: std::iter::once(l.text(year_header).into())
            .chain(series.iter().map(|(k, _)| l.text(*k).into()))
            .collect(),
        rows: (0..years)
            .map(|y| {
                std::iter::once(y.to_string())
                    .chain(series.iter().map(|(_, p)| {
                        p.get(y * 12)
                            .map(|(_, v)| format::eth(l, *v, 3))
                            .unwrap_or_default()
                    }))
                    .collect()
            })
            .collect(),
    }
}

/// The last value of a path (0 for an empty one).
pub fn final_value(p: &Path) -> Decimal {
    p.last().map(|(_, v)| *v).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yearly_table_takes_every_twelfth_point() {
        let path: Vec<(Decimal, Decimal)> = (0..=24)
            .map(|m| (Decimal::from(m) / Decimal::from(12), Decimal::from(100 + m)))
            .collect();
        let t = yearly_table(
            Locale::En,
            Key::Ch1TblYear,
            &[(Key::Ch1SeriesStaking, &path)],
        );
        assert_eq!(
            t.headers,
            vec!["Year".to_string(), "Staking only".to_string()]
        );
        assert_eq!(
            t.rows,
            vec![
                vec!["0".to_string(), "100.000 ETH".to_string()],
                vec!["1".to_string(), "112.000 ETH".to_string()],
                vec!["2".to_string(), "124.000 ETH".to_string()],
            ]
        );
        assert_eq!(final_value(&path), Decimal::from(124));
        assert_eq!(final_value(&[]), Decimal::ZERO);
        let c = growth_chart(
            Locale::Zh,
            &[(Key::Ch1SeriesStaking, &path, 2)],
            Key::Ch1AxisYears,
            Key::Ch1AxisValue,
        );
        assert_eq!(c.series[0].points.len(), 25);
        assert_eq!(c.series[0].colour, 2);
    }
}
