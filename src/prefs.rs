//! Learner preferences (language and theme) and their persistence in
//! `localStorage`. The stored record carries a schema version. A record from an
//! older version is migrated (the unversioned v0 record of the first prototype:
//! `{"lang":…,"theme":…}`, where the theme could also be `"auto"`); anything we cannot
//! read (blocked storage, corrupt JSON, a version from the future) is ignored and
//! the defaults are used, never a crash. Parsing is pure and tested natively.

use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// Storage key for the preferences record.
pub const STORAGE_KEY: &str = "restaking-explorer.prefs";
/// Current schema version of the stored record.
pub const PREFS_VERSION: u32 = 1;

/// The learner's colour-theme choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemePref {
    /// Always light.
    Light,
    /// Always dark.
    Dark,
    /// Follow the operating system (`prefers-color-scheme`).
    #[default]
    System,
}

impl ThemePref {
    /// All choices, in the order the switch shows them.
    pub const ALL: [ThemePref; 3] = [ThemePref::Light, ThemePref::Dark, ThemePref::System];

    /// The theme actually shown, given whether the system prefers dark.
    pub fn resolve(self, system_dark: bool) -> Theme {
        match self {
            ThemePref::Light => Theme::Light,
            ThemePref::Dark => Theme::Dark,
            ThemePref::System if system_dark => Theme::Dark,
            ThemePref::System => Theme::Light,
        }
    }

    /// Stable code for the `<select>` value.
    pub fn code(self) -> &'static str {
        match self {
            ThemePref::Light => "light",
            ThemePref::Dark => "dark",
            ThemePref::System => "system",
        }
    }

    /// Inverse of [`ThemePref::code`].
    pub fn from_code(s: &str) -> Option<ThemePref> {
        ThemePref::ALL.into_iter().find(|t| t.code() == s)
    }
}

/// A resolved theme: what the page and the charts are drawn in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on light background.
    Light,
    /// Light text on dark background.
    Dark,
}

impl Theme {
    /// Value of `<html data-theme>`.
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The stored record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Prefs {
    /// Schema version ([`PREFS_VERSION`]).
    pub v: u32,
    /// Language code, `None` until the learner picks one.
    pub lang: Option<String>,
    /// Theme choice.
    #[serde(default)]
    pub theme: ThemePref,
}

impl Prefs {
    /// Parses a stored record, migrating older versions; `None` for anything
    /// unreadable or from the future.
    pub fn parse(raw: &str) -> Option<Prefs> {
        let value: serde_json::Value = serde_json::from_str(raw).ok()?;
        let obj = value.as_object()?;
        match obj.get("v") {
            // v0: no version field; "auto" meant "follow the system".
            None => {
                let lang = obj.get("lang").and_then(|l| l.as_str()).map(str::to_owned);
                let theme = match obj.get("theme").and_then(|t| t.as_str()) {
                    Some("auto") | None => ThemePref::System,
                    Some(code) => ThemePref::from_code(code)?,
                };
                Some(Prefs {
                    v: PREFS_VERSION,
                    lang,
                    theme,
                })
            }
            Some(_) => {
                let p: Prefs = serde_json::from_value(value).ok()?;
                (p.v >= 1 && p.v <= PREFS_VERSION).then_some(p)
            }
        }
    }

    /// The stored locale, if any and valid.
    pub fn locale(&self) -> Option<Locale> {
        self.lang.as_deref().and_then(Locale::from_code)
    }

    /// A record for the given choices.
    pub fn new(locale: Locale, theme: ThemePref) -> Prefs {
        Prefs {
            v: PREFS_VERSION,
            lang: Some(locale.code().to_owned()),
            theme,
        }
    }

    /// JSON for storage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_round_trips() {
        let p = Prefs::new(Locale::Zh, ThemePref::Dark);
        assert_eq!(Prefs::parse(&p.to_json()), Some(p.clone()));
        assert_eq!(p.locale(), Some(Locale::Zh));
    }

    #[test]
    fn it_ignores_garbage() {
        for raw in [
            "",
            "null",
            "{",
            "[]",
            "{\"v\":99,\"lang\":\"en\"}",
            "{\"v\":1,\"lang\":5}",
            "\u{0}",
        ] {
            assert_eq!(Prefs::parse(raw), None, "{raw}");
        }
        let odd = Prefs::parse("{\"v\":1,\"lang\":\"fr\",\"theme\":\"light\"}").unwrap();
        assert_eq!(odd.locale(), None);
        assert_eq!(odd.theme, ThemePref::Light);
    }

    #[test]
    fn it_migrates_the_unversioned_v0_record() {
        let p = Prefs::parse("{\"lang\":\"zh\",\"theme\":\"dark\"}").unwrap();
        assert_eq!(p, Prefs::new(Locale::Zh, ThemePref::Dark));
        let auto = Prefs::parse("{\"lang\":\"en\",\"theme\":\"auto\"}").unwrap();
        assert_eq!(auto.theme, ThemePref::System);
        assert_eq!(auto.v, PREFS_VERSION);
        assert_eq!(Prefs::parse("{}").map(|p| p.theme), Some(ThemePref::System));
        // A v0 record with a theme we never had is unreadable, not guessed.
        assert_eq!(Prefs::parse("{\"theme\":\"sepia\"}"), None);
    }

    #[test]
    fn it_resolves_theme() {
        assert_eq!(ThemePref::System.resolve(true), Theme::Dark);
        assert_eq!(ThemePref::System.resolve(false), Theme::Light);
        assert_eq!(ThemePref::Light.resolve(true), Theme::Light);
        assert_eq!(ThemePref::from_code("dark"), Some(ThemePref::Dark));
        assert_eq!(ThemePref::from_code("x"), None);
    }
}
