//! The journey: which chapters exist, in what order, under which slug and titles.
//! The navigation, the home page, progress and the glossary are built from it. It
//! names no chapter module, so the light landing build (see `landing`) can use it.

use crate::i18n::Key;

/// What the navigation and the home page know about a chapter.
#[derive(Clone, Copy, Debug)]
pub struct ChapterMeta {
    /// URL path segment (stable: links rely on it).
    pub slug: &'static str,
    /// Position in the journey.
    pub number: u8,
    /// Full title.
    pub title: Key,
    /// Short title for the navigation bar.
    pub short: Key,
    /// One-sentence summary for the home page.
    pub summary: Key,
}

/// The chapters, in journey order.
pub const CHAPTERS: &[ChapterMeta] = &[
    ChapterMeta {
        slug: "what-is-restaking",
        number: 1,
        title: Key::Ch1Title,
        short: Key::Ch1Short,
        summary: Key::Ch1Summary,
    },
    ChapterMeta {
        slug: "how-it-works",
        number: 2,
        title: Key::MechTitle,
        short: Key::MechShort,
        summary: Key::MechSummary,
    },
    ChapterMeta {
        slug: "use-cases",
        number: 3,
        title: Key::UsesTitle,
        short: Key::UsesShort,
        summary: Key::UsesSummary,
    },
    ChapterMeta {
        slug: "risks",
        number: 4,
        title: Key::RiskTitle,
        short: Key::RiskShort,
        summary: Key::RiskSummary,
    },
    ChapterMeta {
        slug: "strategy",
        number: 5,
        title: Key::StratTitle,
        short: Key::StratShort,
        summary: Key::StratSummary,
    },
    ChapterMeta {
        slug: "lst-vs-restaking",
        number: 6,
        title: Key::LstTitle,
        short: Key::LstShort,
        summary: Key::LstSummary,
    },
    ChapterMeta {
        slug: "network-security",
        number: 7,
        title: Key::NetTitle,
        short: Key::NetShort,
        summary: Key::NetSummary,
    },
    ChapterMeta {
        slug: "regulation",
        number: 8,
        title: Key::RegTitle,
        short: Key::RegShort,
        summary: Key::RegSummary,
    },
    ChapterMeta {
        slug: "who-should-take-part",
        number: 9,
        title: Key::WhoTitle,
        short: Key::WhoShort,
        summary: Key::WhoSummary,
    },
];
