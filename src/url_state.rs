//! Scenario state in the query string: the pure parser and serialiser (tested
//! natively), plus the thin browser glue that reads the query once on mount and
//! mirrors every change back with `history.replaceState` (so dragging a slider does
//! not flood the history).
//!
//! Parameter names are a public interface that old links rely on; they are listed
//! per chapter in `docs/url-params.md`. A missing value takes its default silently;
//! a malformed, repeated or out-of-range one falls back to a clamped default and is
//! reported, so the chapter can show a translated notice naming it.

use rust_decimal::prelude::*;
use rust_decimal::Decimal;

/// Version of the URL schema, written as `v=` into every shared link.
pub const SCHEMA_VERSION: u32 = 1;

/// Longest value we even try to parse; anything longer is malformed.
const MAX_VALUE_LEN: usize = 64;

/// One numeric scenario parameter: its URL name, domain, step and default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    /// Name in the query string (stable: old links rely on it).
    pub name: &'static str,
    /// Smallest allowed value.
    pub min: Decimal,
    /// Largest allowed value.
    pub max: Decimal,
    /// Slider step; values are rounded to its number of decimals.
    pub step: Decimal,
    /// Value used when the parameter is missing or invalid.
    pub default: Decimal,
}

impl ParamSpec {
    /// Clamps `x` into the domain and rounds it to the step's decimals.
    pub fn clamp(&self, x: Decimal) -> Decimal {
        x.round_dp(self.step.scale()).max(self.min).min(self.max)
    }

    /// Parses one raw query value: the clamped value and whether it was outside the
    /// domain, or `None` when the text is not a plain decimal number.
    pub fn parse(&self, raw: &str) -> Option<(Decimal, bool)> {
        let raw = raw.trim();
        if raw.is_empty() || raw.len() > MAX_VALUE_LEN {
            return None;
        }
        // Plain decimals only: digits, one '.', an optional leading sign.
        let body = raw.strip_prefix(['-', '+']).unwrap_or(raw);
        if body.is_empty()
            || !body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            || body.bytes().filter(|&b| b == b'.').count() > 1
            || body == "."
        {
            return None;
        }
        let x = Decimal::from_str(raw).ok()?;
        let out_of_range = x < self.min || x > self.max;
        Some((self.clamp(x), out_of_range))
    }
}

/// Why a value from the URL was not used as given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not a number we accept (NaN, Infinity, `1e5`, text, empty, too long).
    Malformed,
    /// A number outside the parameter's domain; it was clamped.
    OutOfRange,
    /// The parameter appeared more than once; the first occurrence was used.
    Repeated,
}

/// A value that was replaced, for the notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Replaced {
    /// The parameter's URL name.
    pub name: &'static str,
    /// What was wrong with it.
    pub problem: Problem,
}

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space, `%XX` bytes);
/// invalid escapes are kept literally and invalid UTF-8 is replaced, never a panic.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Splits a query string (with or without the leading `?`) into decoded pairs.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode_component(k), decode_component(v)),
            None => (decode_component(p), String::new()),
        })
        .collect()
}

/// Reads every spec's value from decoded query pairs. Returns one value per spec (in
/// order) and the list of replaced values. Unknown keys are ignored (other chapters'
/// or future parameters must not break a page).
pub fn read_params(
    pairs: &[(String, String)],
    specs: &[ParamSpec],
) -> (Vec<Decimal>, Vec<Replaced>) {
    let mut values = Vec::with_capacity(specs.len());
    let mut replaced = Vec::new();
    for spec in specs {
        let mut found = pairs.iter().filter(|(k, _)| k == spec.name);
        let first = found.next();
        let repeated = found.next().is_some();
        let value = match first {
            None => spec.default,
            Some((_, raw)) => match spec.parse(raw) {
                Some((v, clamped)) => {
                    if clamped {
                        replaced.push(Replaced {
                            name: spec.name,
                            problem: Problem::OutOfRange,
                        });
                    }
                    v
                }
                None => {
                    replaced.push(Replaced {
                        name: spec.name,
                        problem: Problem::Malformed,
                    });
                    spec.default
                }
            },
        };
        if repeated && !replaced.iter().any(|r| r.name == spec.name) {
            replaced.push(Replaced {
                name: spec.name,
                problem: Problem::Repeated,
            });
        }
        values.push(value);
    }
    (values, replaced)
}

/// Writes the scenario as a query string (`?v=1&name=value…`), leaving out values
/// equal to their default so shared links stay short and defaults can be revised.
pub fn write_params(specs: &[ParamSpec], values: &[Decimal]) -> String {
    write_pairs(specs.iter().zip(values.iter().copied()))
}

/// [`write_params`] over any sequence of `(spec, value)`: a page with several labs,
/// each with its own parameter group, writes them all into one query string.
pub fn write_pairs<'a>(pairs: impl IntoIterator<Item = (&'a ParamSpec, Decimal)>) -> String {
    let mut out = format!("?v={SCHEMA_VERSION}");
    for (spec, v) in pairs {
        if v != spec.default {
            out.push('&');
            out.push_str(spec.name);
            out.push('=');
            out.push_str(&v.normalize().to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn spec() -> ParamSpec {
        ParamSpec {
            name: "apr",
            min: d("0"),
            max: d("20"),
            step: d("0.01"),
            default: d("2.85"),
        }
    }

    #[test]
    fn it_reads_good_values() {
        let (v, r) = read_params(&parse_query("?v=1&apr=3.5"), &[spec()]);
        assert_eq!(v, vec![d("3.5")]);
        assert!(r.is_empty());
    }

    #[test]
    fn it_defaults_missing_silently() {
        let (v, r) = read_params(&parse_query(""), &[spec()]);
        assert_eq!(v, vec![d("2.85")]);
        assert!(r.is_empty());
    }

    #[test]
    fn it_rejects_malformed() {
        for raw in [
            "NaN", "Infinity", "1e308", "-", ".", "", "3.5.1", "０", "0x10", "1_0", "abc", "--1",
        ] {
            let q = format!("apr={}", raw);
            let (v, r) = read_params(&parse_query(&q), &[spec()]);
            assert_eq!(v, vec![d("2.85")], "{raw}");
            assert_eq!(
                r,
                vec![Replaced {
                    name: "apr",
                    problem: Problem::Malformed
                }],
                "{raw}"
            );
        }
    }

    #[test]
    fn it_clamps_out_of_range() {
        let (v, r) = read_params(&parse_query("apr=-0"), &[spec()]);
        assert_eq!(v, vec![d("0")]);
        assert!(r.is_empty(), "negative zero is zero");
        let (v, r) = read_params(&parse_query("apr=99999999999999999999"), &[spec()]);
        assert_eq!(v, vec![d("20")]);
        assert_eq!(r[0].problem, Problem::OutOfRange);
        let (v, _) = read_params(&parse_query("apr=3.14159"), &[spec()]);
        assert_eq!(v, vec![d("3.14")]);
    }

    #[test]
    fn it_reports_repeats_and_uses_the_first() {
        let (v, r) = read_params(&parse_query("apr=1&apr=2"), &[spec()]);
        assert_eq!(v, vec![d("1")]);
        assert_eq!(r[0].problem, Problem::Repeated);
    }

    #[test]
    fn it_decodes_components() {
        assert_eq!(decode_component("a+b%20c"), "a b c");
        assert_eq!(decode_component("%E4%B8%AD"), "中");
        assert_eq!(decode_component("%zz%"), "%zz%");
        assert_eq!(decode_component("%4"), "%4");
        assert_eq!(decode_component("%ff"), "\u{fffd}");
    }

    #[test]
    fn it_round_trips() {
        let specs = [
            spec(),
            ParamSpec {
                name: "x",
                min: d("0"),
                max: d("100"),
                step: d("1"),
                default: d("10"),
            },
        ];
        let q = write_params(&specs, &[d("4.20"), d("10")]);
        assert_eq!(q, "?v=1&apr=4.2");
        let (v, r) = read_params(&parse_query(&q), &specs);
        assert_eq!(v, vec![d("4.2"), d("10")]);
        assert!(r.is_empty());
    }

    proptest! {
        #[test]
        fn any_query_never_panics_and_stays_in_range(q in ".{0,300}") {
            let (v, _) = read_params(&parse_query(&q), &[spec()]);
            prop_assert!(v[0] >= d("0") && v[0] <= d("20"));
        }

        #[test]
        fn any_number_is_clamped(x in any::<f64>()) {
            let (v, _) = read_params(&parse_query(&format!("apr={x}")), &[spec()]);
            prop_assert!(v[0] >= d("0") && v[0] <= d("20"));
        }

        #[test]
        fn written_values_read_back(m in 0i64..=2000) {
            let x = Decimal::new(m, 2);
            let q = write_params(&[spec()], &[x]);
            let (v, r) = read_params(&parse_query(&q), &[spec()]);
            prop_assert_eq!(v[0], x);
            prop_assert!(r.is_empty());
        }
    }
}
