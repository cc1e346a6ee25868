//! Small `Decimal` helpers shared by the model: clamping, percent conversion and
//! safe conversion to and from `f64` at the simulation boundary.

use rust_decimal::prelude::*;
use rust_decimal::Decimal;

/// A non-negative decimal constant usable in `const` items: `dec(285, 2)` is 2.85.
pub const fn dec(units: u32, scale: u32) -> Decimal {
    Decimal::from_parts(units, 0, 0, false, scale)
}

/// Clamps `x` into `[lo, hi]`. Callers guarantee `lo <= hi`.
pub fn clamp(x: Decimal, lo: Decimal, hi: Decimal) -> Decimal {
    x.max(lo).min(hi)
}

/// Clamps a probability or fraction into `[0, 1]`.
pub fn unit(x: Decimal) -> Decimal {
    clamp(x, Decimal::ZERO, Decimal::ONE)
}

/// `Decimal` to `f64` for simulations and charts; never panics (out-of-range gives 0).
pub fn to_f64(x: Decimal) -> f64 {
    x.to_f64().unwrap_or(0.0)
}

/// `f64` back to `Decimal`; NaN and infinities (which a simulation should never
/// produce, but a URL might) become 0, huge values saturate at ±`Decimal::MAX`.
pub fn from_f64(x: f64) -> Decimal {
    if !x.is_finite() {
        return Decimal::ZERO;
    }
    Decimal::from_f64(x).unwrap_or(if x > 0.0 { Decimal::MAX } else { Decimal::MIN })
}

/// A percentage such as `2.85` (meaning 2.85 %) as a fraction `0.0285`.
pub fn pct(x: Decimal) -> Decimal {
    x / Decimal::ONE_HUNDRED
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros_free::d;

    mod rust_decimal_macros_free {
        use rust_decimal::Decimal;
        use std::str::FromStr;
        pub fn d(s: &str) -> Decimal {
            Decimal::from_str(s).unwrap()
        }
    }

    #[test]
    fn it_clamps() {
        assert_eq!(clamp(d("5"), d("0"), d("3")), d("3"));
        assert_eq!(unit(d("-0.1")), d("0"));
        assert_eq!(unit(d("0.4")), d("0.4"));
    }

    #[test]
    fn it_converts_safely() {
        assert_eq!(from_f64(f64::NAN), Decimal::ZERO);
        assert_eq!(from_f64(f64::INFINITY), Decimal::ZERO);
        assert_eq!(from_f64(1e300), Decimal::MAX);
        assert_eq!(pct(d("2.85")), d("0.0285"));
        assert!((to_f64(d("0.25")) - 0.25).abs() < 1e-12);
    }
}
