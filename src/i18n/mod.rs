//! The i18n layer: locales, the typed string table generated from `locales/*.json`
//! by `build.rs`, template filling and per-locale number formatting.
//!
//! Views read strings through [`I18n::t`], which tracks the current locale, so a
//! language switch re-renders every string, chart label and aria text.

pub mod format;

use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/i18n_keys.rs"));

/// A language the explorer is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Locale {
    /// Both locales, in the order the language switch shows them.
    pub const ALL: [Locale; 2] = [Locale::Zh, Locale::En];

    /// BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Zh => "zh-CN",
        }
    }

    /// Short code used in storage and URLs.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Zh => "zh",
        }
    }

    /// Parses a stored code (`en`, `zh`); anything else is `None`.
    pub fn from_code(s: &str) -> Option<Locale> {
        match s {
            "en" => Some(Locale::En),
            "zh" => Some(Locale::Zh),
            _ => None,
        }
    }

    /// The first-visit choice from the browser's languages: `zh*` gives Chinese,
    /// anything else English.
    pub fn from_browser_languages<'a>(langs: impl IntoIterator<Item = &'a str>) -> Locale {
        match langs.into_iter().next() {
            Some(l) if l.to_ascii_lowercase().starts_with("zh") => Locale::Zh,
            _ => Locale::En,
        }
    }

    /// The string for `key` in this locale.
    pub fn text(self, key: Key) -> &'static str {
        match self {
            Locale::En => EN[key as usize],
            Locale::Zh => ZH[key as usize],
        }
    }
}

/// Replaces each `{name}` in `template` with its value from `args`.
/// Unknown placeholders are left as they are (the build checks they match across locales).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The reactive language context provided at the root of the app.
#[derive(Clone, Copy)]
pub struct I18n {
    /// The current locale; writing it switches the whole app.
    pub locale: RwSignal<Locale>,
}

impl I18n {
    /// The string for `key` in the current locale (tracks the locale).
    pub fn t(self, key: Key) -> &'static str {
        self.locale.get().text(key)
    }

    /// The string for `key` with `{placeholders}` filled (tracks the locale).
    pub fn tf(self, key: Key, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }

    /// The current locale (tracked).
    pub fn get(self) -> Locale {
        self.locale.get()
    }
}

/// The language context; panics only if called outside the app root, which is a programming error
/// caught by every test that mounts a component.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_text_in_both_locales() {
        for &k in Key::ALL {
            assert!(!Locale::En.text(k).trim().is_empty(), "{}", k.id());
            assert!(!Locale::Zh.text(k).trim().is_empty(), "{}", k.id());
        }
    }

    #[test]
    fn it_picks_locale_from_browser() {
        assert_eq!(Locale::from_browser_languages(["zh-TW", "en"]), Locale::Zh);
        assert_eq!(Locale::from_browser_languages(["ZH"]), Locale::Zh);
        assert_eq!(Locale::from_browser_languages(["en-GB", "zh"]), Locale::En);
        assert_eq!(Locale::from_browser_languages([]), Locale::En);
        assert_eq!(Locale::from_code("fr"), None);
    }

    #[test]
    fn it_fills_templates() {
        assert_eq!(fill("{a} and {b}", &[("a", "1"), ("b", "2")]), "1 and 2");
        assert_eq!(fill("{missing} x", &[]), "{missing} x");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(fill("", &[("a", "1")]), "");
    }
}
