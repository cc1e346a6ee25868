//! Marks a glossary term in chapter text. The glossary attaches its definitions to
//! every `<dfn class="term" data-term=…>` by id.

use leptos::prelude::*;

/// A glossary term as it appears in running text. `id` is the glossary entry's id
/// (lower-case, hyphenated, e.g. `"operator-set"`); the children are the words shown.
#[component]
pub fn Term(
    /// Glossary id.
    id: &'static str,
    /// The words as they appear in the sentence.
    children: Children,
) -> impl IntoView {
    view! { <dfn class="term" data-term=id>{children()}</dfn> }
}
