//! Shared widgets: thin components that chapters compose. Each reads signals,
//! formats through the i18n layer and renders; none contains restaking maths.

pub mod chart;
pub mod formula;
pub mod later;
pub mod notice;
pub mod predict;
pub mod quiz;
pub mod slider;
pub mod source;
pub mod term;

pub use chart::{Chart, ChartCanvas, DataTable};
pub use formula::Formula;
pub use later::{Later, OwnTask};
pub use notice::UrlNotice;
pub use predict::Predict;
pub use quiz::{Quiz, QuizItem};
pub use slider::Slider;
pub use source::Cite;
pub use term::{plain, rich, rich_with, Term};
