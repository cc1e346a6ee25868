//! The chapters, one module each, and the registry that the navigation and the
//! home page's journey are built from. Only chapters that exist are listed.

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
pub const CHAPTERS: &[ChapterMeta] = &[ChapterMeta {
    slug: "what-is-restaking",
    number: 1,
    title: Key::Ch1Title,
    short: Key::Ch1Short,
    summary: Key::Ch1Summary,
}];
