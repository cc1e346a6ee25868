//! The chapters, one module each, and the registry that the navigation and the
//! home page's journey are built from. Only chapters that exist are listed.

pub mod lst_vs_restaking;
pub mod mechanism;
pub mod network;
pub mod use_cases;
pub mod what_is;

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
        slug: "lst-vs-restaking",
        number: 4,
        title: Key::LstTitle,
        short: Key::LstShort,
        summary: Key::LstSummary,
    },
    ChapterMeta {
        slug: "network-security",
        number: 5,
        title: Key::NetTitle,
        short: Key::NetShort,
        summary: Key::NetSummary,
    },
];
