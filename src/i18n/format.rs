//! Locale-aware number formatting for everything a learner reads: percentages,
//! ETH amounts, plain numbers and durations. Works on `Decimal` so what is shown
//! is exactly what the model computed, rounded once, here.

use super::Locale;
use rust_decimal::{Decimal, RoundingStrategy};

/// Groups the integer digits of an already-rounded decimal string with `sep`.
fn group(int_digits: &str, sep: char) -> String {
    let n = int_digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in int_digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Formats `x` with exactly `dp` decimals and thousands separators.
/// Both our locales use `,` for grouping and `.` for decimals.
pub fn number(_locale: Locale, x: Decimal, dp: u32) -> String {
    let r = x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let r = if r.is_zero() { Decimal::ZERO } else { r }; // no "-0.00"
    let s = format!("{:.*}", dp as usize, r.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let mut out = String::new();
    if r.is_sign_negative() {
        out.push('−');
    }
    out.push_str(&group(int, ','));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A fraction (0.0285) shown as a percentage ("2.85%").
pub fn percent(locale: Locale, fraction: Decimal, dp: u32) -> String {
    let p = fraction
        .checked_mul(Decimal::ONE_HUNDRED)
        .unwrap_or(Decimal::MAX);
    format!("{}%", number(locale, p, dp))
}

/// An amount of ETH ("1,234.56 ETH").
pub fn eth(locale: Locale, x: Decimal, dp: u32) -> String {
    format!("{} ETH", number(locale, x, dp))
}

/// A large count in the locale's natural unit: "34.0 M" in English, "3,400 万" in Chinese.
pub fn large(locale: Locale, x: Decimal) -> String {
    match locale {
        Locale::En => {
            if x.abs() >= Decimal::from(1_000_000) {
                format!("{} M", number(locale, x / Decimal::from(1_000_000), 1))
            } else {
                number(locale, x, 0)
            }
        }
        Locale::Zh => {
            if x.abs() >= Decimal::from(100_000_000) {
                format!("{} 亿", number(locale, x / Decimal::from(100_000_000), 2))
            } else if x.abs() >= Decimal::from(10_000) {
                format!("{} 万", number(locale, x / Decimal::from(10_000), 0))
            } else {
                number(locale, x, 0)
            }
        }
    }
}

/// A value already in percent units (`2.85` → "2.85%"), with no decimals: a slider formatter.
pub fn pct0(l: Locale, x: Decimal) -> String {
    format!("{}%", number(l, x, 0))
}

/// As [`pct0`], one decimal.
pub fn pct1(l: Locale, x: Decimal) -> String {
    format!("{}%", number(l, x, 1))
}

/// As [`pct0`], two decimals.
pub fn pct2(l: Locale, x: Decimal) -> String {
    format!("{}%", number(l, x, 2))
}

/// Whole ETH ("32 ETH"): a slider formatter.
pub fn eth0(l: Locale, x: Decimal) -> String {
    eth(l, x, 0)
}

/// A number of years in words ("1 year", "10 years" / "1 年", "10 年").
pub fn years_text(l: Locale, x: Decimal) -> String {
    if x == Decimal::ONE {
        l.text(super::Key::UnitYearOne).to_owned()
    } else {
        super::fill(l.text(super::Key::UnitYears), &[("n", &number(l, x, 0))])
    }
}

/// `f64` convenience for chart labels (which plotters draws from `f64`).
pub fn number_f64(locale: Locale, x: f64, dp: u32) -> String {
    number(locale, crate::model::num::from_f64(x), dp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn it_formats_numbers() {
        assert_eq!(number(Locale::En, d("1234567.891"), 2), "1,234,567.89");
        assert_eq!(number(Locale::Zh, d("999.995"), 2), "1,000.00");
        assert_eq!(number(Locale::En, d("-0.001"), 2), "0.00");
        assert_eq!(number(Locale::En, d("-12.5"), 0), "−13");
        assert_eq!(number(Locale::En, d("0"), 0), "0");
    }

    #[test]
    fn it_formats_percent_eth_and_large() {
        assert_eq!(percent(Locale::En, d("0.0285"), 2), "2.85%");
        assert_eq!(eth(Locale::Zh, d("32"), 1), "32.0 ETH");
        assert_eq!(large(Locale::En, d("34000000")), "34.0 M");
        assert_eq!(large(Locale::Zh, d("34000000")), "3,400 万");
        assert_eq!(large(Locale::Zh, d("120000000")), "1.20 亿");
        assert_eq!(large(Locale::En, d("5000")), "5,000");
    }

    #[test]
    fn it_formats_slider_values() {
        assert_eq!(pct2(Locale::En, d("2.854")), "2.85%");
        assert_eq!(pct1(Locale::Zh, d("66.666")), "66.7%");
        assert_eq!(pct0(Locale::En, d("10")), "10%");
        assert_eq!(eth0(Locale::En, d("1234")), "1,234 ETH");
        assert_eq!(years_text(Locale::En, d("1")), "1 year");
        assert_eq!(years_text(Locale::En, d("10")), "10 years");
        assert_eq!(years_text(Locale::Zh, d("3")), "3 年");
    }

    proptest! {
        #[test]
        fn number_never_panics_and_round_trips(mantissa in any::<i64>(), scale in 0u32..=12, dp in 0u32..=8) {
            let x = Decimal::new(mantissa, scale);
            let s = number(Locale::En, x, dp);
            let back = Decimal::from_str(&s.replace(',', "").replace('−', "-")).unwrap();
            prop_assert_eq!(back, x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero));
            let _ = percent(Locale::Zh, x, dp);
            let _ = large(Locale::Zh, x);
            let _ = large(Locale::En, x);
        }
    }
}
