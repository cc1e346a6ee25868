//! Build script: compiles `locales/en/*.json` and `locales/zh/*.json` (one file per
//! chapter or area, merged) into a typed string table (`$OUT_DIR/i18n_keys.rs`).
//!
//! Every key becomes a variant of `Key`, so using a key that does not exist is a
//! compile error, and this script fails the build when the two locales do not
//! have exactly the same keys, when a string is empty, or when their `{placeholders}`
//! differ, or when a key is defined in two files. A missing translation is therefore
//! a build error, never a blank.
//!
//! With the `landing` feature (the light landing page) only the keys listed in
//! `locales/landing.keys` are generated, so that page carries none of the chapters'
//! text, and a key it uses but the list lacks is a compile error.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::{env, fs, path::Path};

const LOCALES: [&str; 2] = ["en", "zh"];

fn load(locale: &str) -> BTreeMap<String, String> {
    let dir = format!("locales/{locale}");
    println!("cargo:rerun-if-changed={dir}");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = BTreeMap::new();
    for path in files {
        let path = path.display().to_string();
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} is not valid JSON: {e}"));
        let obj = value
            .as_object()
            .unwrap_or_else(|| panic!("{path} must be one JSON object of \"key\": \"text\""));
        for (k, v) in obj {
            let s = v
                .as_str()
                .unwrap_or_else(|| panic!("{path}: value of {k} must be a string"));
            if s.trim().is_empty() {
                panic!("{path}: {k} is empty");
            }
            if out.insert(k.clone(), s.to_owned()).is_some() {
                panic!("{path}: key {k} is defined in more than one file of locales/{locale}");
            }
        }
    }
    out
}

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                out.insert(after[..end].to_owned());
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out
}

fn variant(key: &str) -> String {
    key.split(['_', '.', '-'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

fn main() {
    let tables: Vec<BTreeMap<String, String>> = LOCALES.iter().map(|l| load(l)).collect();
    let keys: BTreeSet<&String> = tables.iter().flat_map(|t| t.keys()).collect();
    let mut errors = Vec::new();
    for key in &keys {
        for (i, t) in tables.iter().enumerate() {
            if !t.contains_key(*key) {
                errors.push(format!(
                    "key `{key}` is missing from locales/{}/",
                    LOCALES[i]
                ));
            }
        }
        if let (Some(en), Some(zh)) = (tables[0].get(*key), tables[1].get(*key)) {
            if placeholders(en) != placeholders(zh) {
                errors.push(format!(
                    "key `{key}`: placeholders differ between en {:?} and zh {:?}",
                    placeholders(en),
                    placeholders(zh)
                ));
            }
        }
    }
    if !errors.is_empty() {
        panic!("i18n check failed:\n  {}", errors.join("\n  "));
    }

    // The light landing page (`--features landing`) carries only the keys it uses.
    let landing = env::var_os("CARGO_FEATURE_LANDING").is_some();
    println!("cargo:rerun-if-changed=locales/landing.keys");
    let listed: BTreeSet<String> = fs::read_to_string("locales/landing.keys")
        .expect("cannot read locales/landing.keys")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let unknown: Vec<&String> = listed.iter().filter(|k| !keys.contains(k)).collect();
    if !unknown.is_empty() {
        panic!("locales/landing.keys lists keys no locale file defines: {unknown:?}");
    }
    let keys: BTreeSet<&String> = if landing {
        keys.into_iter().filter(|k| listed.contains(*k)).collect()
    } else {
        keys
    };

    let mut out = String::new();
    out.push_str("/// Every translatable string of the app. Generated from `locales/*/*.json`.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Key {\n");
    for key in &keys {
        let _ = writeln!(out, "    /// `{key}`\n    {},", variant(key));
    }
    out.push_str("}\n\nimpl Key {\n    /// Every key, in table order.\n    pub const ALL: &'static [Key] = &[\n");
    for key in &keys {
        let _ = writeln!(out, "        Key::{},", variant(key));
    }
    out.push_str("    ];\n\n    /// The key as written in the locale files.\n    pub fn id(self) -> &'static str {\n        ID[self as usize]\n    }\n}\n\n");
    let _ = writeln!(out, "static ID: [&str; {}] = [", keys.len());
    for key in &keys {
        let _ = writeln!(out, "    {key:?},");
    }
    out.push_str("];\n\n");
    for (i, l) in LOCALES.iter().enumerate() {
        let _ = writeln!(
            out,
            "static {}: [&str; {}] = [",
            l.to_uppercase(),
            keys.len()
        );
        for key in &keys {
            let _ = writeln!(out, "    {:?},", tables[i][*key]);
        }
        out.push_str("];\n\n");
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("i18n_keys.rs");
    fs::write(dest, out).expect("write i18n_keys.rs");
    println!("cargo:rerun-if-changed=build.rs");
}
