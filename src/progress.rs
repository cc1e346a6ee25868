//! The learner's progress through the journey: which chapters were visited and how
//! each chapter's quiz went. Kept in `localStorage` as a small versioned record.
//!
//! The record's schema (`v: 1`):
//!
//! ```json
//! {"v":1,"chapters":{"how-it-works":{"visited":true,"picks":[0,null,2],"correct":[true,false,false]}}}
//! ```
//!
//! `picks[i]` is the choice picked for question `i` (or `null`), `correct[i]` whether
//! it was right. The home page shows "visited · quiz 2/3" from it.
//!
//! Version 0 (before quizzes existed) was a plain JSON list of visited slugs,
//! `["what-is-restaking","use-cases"]`; [`parse`] migrates it to version 1 instead of
//! discarding it. Corrupt JSON, a record from a future version and unknown slugs are
//! ignored. Parsing and serialising are pure and tested natively; the browser glue
//! at the end keeps the record in one signal, so the app works in memory when storage
//! is blocked.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Storage key for the progress record.
pub const STORAGE_KEY: &str = "restaking-explorer.progress";
/// Current schema version.
pub const PROGRESS_VERSION: u32 = 1;

/// One chapter's progress.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChapterProgress {
    /// The learner opened the chapter.
    #[serde(default)]
    pub visited: bool,
    /// Number of questions in the chapter's quiz (0 until the quiz was shown).
    #[serde(default)]
    pub total: u8,
    /// The choice picked for each quiz question, by question index.
    #[serde(default)]
    pub picks: Vec<Option<u8>>,
    /// Whether each pick was right, by question index.
    #[serde(default)]
    pub correct: Vec<bool>,
}

impl ChapterProgress {
    /// Questions answered.
    pub fn answered(&self) -> usize {
        self.picks.iter().filter(|p| p.is_some()).count()
    }

    /// Questions answered correctly.
    pub fn right(&self) -> usize {
        self.picks
            .iter()
            .zip(&self.correct)
            .filter(|(p, c)| p.is_some() && **c)
            .count()
    }

    /// The pick for question `i`, if any.
    pub fn pick(&self, i: usize) -> Option<usize> {
        self.picks.get(i).copied().flatten().map(usize::from)
    }

    fn is_empty(&self) -> bool {
        !self.visited && self.answered() == 0
    }
}

/// The whole record: progress per chapter slug.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Schema version ([`PROGRESS_VERSION`]).
    pub v: u32,
    /// By chapter slug.
    #[serde(default)]
    pub chapters: BTreeMap<String, ChapterProgress>,
}

impl Default for Progress {
    /// An empty record of the current version (so that saving it writes `v: 1`).
    fn default() -> Progress {
        Progress::new()
    }
}

impl Progress {
    /// An empty record.
    pub fn new() -> Progress {
        Progress {
            v: PROGRESS_VERSION,
            chapters: BTreeMap::new(),
        }
    }

    /// Progress of one chapter (empty if none).
    pub fn chapter(&self, slug: &str) -> ChapterProgress {
        self.chapters.get(slug).cloned().unwrap_or_default()
    }

    /// Marks a chapter visited.
    pub fn visit(&mut self, slug: &str) {
        self.chapters.entry(slug.to_owned()).or_default().visited = true;
    }

    /// Marks a chapter visited and notes how many questions its quiz has.
    pub fn visit_quiz(&mut self, slug: &str, total: usize) {
        let c = self.chapters.entry(slug.to_owned()).or_default();
        c.visited = true;
        c.total = u8::try_from(total).unwrap_or(u8::MAX);
    }

    /// Records the pick for question `question` of a chapter's quiz.
    pub fn answer(&mut self, slug: &str, question: usize, pick: usize, right: bool) {
        let c = self.chapters.entry(slug.to_owned()).or_default();
        c.visited = true;
        if c.picks.len() <= question {
            c.picks.resize(question + 1, None);
        }
        if c.correct.len() <= question {
            c.correct.resize(question + 1, false);
        }
        c.picks[question] = u8::try_from(pick).ok();
        c.correct[question] = right;
    }

    /// Forgets a chapter's quiz answers (the chapter stays visited).
    pub fn clear_quiz(&mut self, slug: &str) {
        if let Some(c) = self.chapters.get_mut(slug) {
            c.picks.clear();
            c.correct.clear();
        }
    }

    /// JSON for storage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Reads a stored record of any known version, keeping only chapters in `known`.
/// Returns an empty record for anything unreadable (never fails).
pub fn parse(raw: &str, known: &[&str]) -> Progress {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(raw) else {
        return Progress::new();
    };
    let mut p = match value {
        // Version 0: a plain list of visited slugs.
        serde_json::Value::Array(list) => migrate_v0(&list),
        serde_json::Value::Object(ref o) => match o.get("v").and_then(|v| v.as_u64()) {
            Some(1) => {
                serde_json::from_value::<Progress>(value).unwrap_or_else(|_| Progress::new())
            }
            _ => Progress::new(),
        },
        _ => Progress::new(),
    };
    p.v = PROGRESS_VERSION;
    p.chapters.retain(|slug, c| {
        known.contains(&slug.as_str()) && {
            let n = c.picks.len();
            c.correct.resize(n, false);
            true
        }
    });
    p.chapters.retain(|_, c| !c.is_empty());
    p
}

/// Version 0 → version 1: every listed slug becomes a visited chapter.
fn migrate_v0(list: &[serde_json::Value]) -> Progress {
    let mut p = Progress::new();
    for slug in list.iter().filter_map(|s| s.as_str()) {
        p.visit(slug);
    }
    p
}

// ───────────────────────────── browser glue ─────────────────────────────

use leptos::prelude::*;

thread_local! {
    // One record for the whole app, outside any component's owner so it lives as long as the page.
    static STORE: ArcRwSignal<Progress> = ArcRwSignal::new(load());
}

fn known() -> Vec<&'static str> {
    crate::journey::CHAPTERS.iter().map(|c| c.slug).collect()
}

fn load() -> Progress {
    crate::web::storage_get(STORAGE_KEY)
        .map(|raw| parse(&raw, &known()))
        .unwrap_or_default()
}

/// The progress record, shared by the whole app (reactive).
pub fn use_progress() -> ArcRwSignal<Progress> {
    STORE.with(Clone::clone)
}

/// Changes the record and saves it (best effort: blocked storage keeps it in memory only).
pub fn update(f: impl FnOnce(&mut Progress)) {
    let store = use_progress();
    store.update(f);
    let json = store.with_untracked(Progress::to_json);
    crate::web::storage_set(STORAGE_KEY, &json);
}

/// Forgets all progress.
pub fn reset() {
    update(|p| *p = Progress::new());
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: &[&str] = &["what-is-restaking", "how-it-works", "use-cases"];

    #[test]
    fn a_fresh_record_saves_as_the_current_version_and_reads_back() {
        let mut p = Progress::default();
        assert_eq!(p.v, PROGRESS_VERSION);
        p.chapters.insert(
            "use-cases".into(),
            ChapterProgress {
                visited: true,
                ..ChapterProgress::default()
            },
        );
        assert_eq!(parse(&p.to_json(), KNOWN), p);
    }

    #[test]
    fn it_round_trips() {
        let mut p = Progress::new();
        p.visit("use-cases");
        p.visit_quiz("how-it-works", 4);
        p.answer("how-it-works", 2, 1, true);
        p.answer("how-it-works", 0, 0, false);
        let back = parse(&p.to_json(), KNOWN);
        assert_eq!(back, p);
        let c = back.chapter("how-it-works");
        assert!(c.visited);
        assert_eq!((c.answered(), c.right(), c.total), (2, 1, 4));
        assert_eq!(c.pick(0), Some(0));
        assert_eq!(c.pick(1), None);
        assert_eq!(c.pick(2), Some(1));
        assert_eq!(
            back.chapter("what-is-restaking"),
            ChapterProgress::default()
        );
    }

    #[test]
    fn it_ignores_corrupt_and_future_records() {
        for raw in [
            "",
            "{",
            "null",
            "42",
            "\"x\"",
            "{\"v\":2,\"chapters\":{\"use-cases\":{\"visited\":true}}}",
            "{\"chapters\":{}}",
            "{\"v\":1,\"chapters\":[1,2]}",
            "{\"v\":1,\"chapters\":{\"use-cases\":{\"visited\":\"yes\"}}}",
        ] {
            assert_eq!(parse(raw, KNOWN), Progress::new(), "{raw}");
        }
    }

    #[test]
    fn it_migrates_v0_instead_of_discarding_it() {
        let p = parse("[\"what-is-restaking\", \"use-cases\", \"nope\", 7]", KNOWN);
        assert_eq!(p.v, 1);
        assert_eq!(
            p.chapters.keys().collect::<Vec<_>>(),
            ["use-cases", "what-is-restaking"]
        );
        assert!(p.chapter("use-cases").visited);
        assert_eq!(p.chapter("use-cases").answered(), 0);
        // Saved again, it is a v1 record.
        assert!(p.to_json().starts_with("{\"v\":1"));
    }

    #[test]
    fn it_drops_unknown_slugs_and_repairs_lengths() {
        let raw = "{\"v\":1,\"chapters\":{\"mars\":{\"visited\":true},\
                   \"use-cases\":{\"picks\":[1,2],\"correct\":[true]},\
                   \"how-it-works\":{}}}";
        let p = parse(raw, KNOWN);
        assert_eq!(p.chapters.keys().collect::<Vec<_>>(), ["use-cases"]);
        let c = p.chapter("use-cases");
        assert_eq!(c.correct, vec![true, false]);
        assert_eq!((c.answered(), c.right()), (2, 1));
    }

    #[test]
    fn clearing_a_quiz_keeps_the_visit() {
        let mut p = Progress::new();
        p.answer("use-cases", 0, 1, true);
        p.clear_quiz("use-cases");
        let c = p.chapter("use-cases");
        assert!(c.visited);
        assert_eq!(c.answered(), 0);
    }
}
