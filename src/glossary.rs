//! The glossary: every key term of the explorer with a short definition in both
//! languages, the chapters that use it, and the page that lists them (`/glossary`).
//!
//! Chapters mark terms with `<Term id="…">` (or `[[id|words]]` in a sentence that a
//! chapter renders through its own `rich` helper); the `Term` widget looks the id up
//! here to show the definition in place. The native tests scan every chapter file
//! and locale file and fail when an id has no entry, or when an entry's "used in"
//! list differs from where the id actually appears.

use crate::ctx::href;
use crate::i18n::{use_i18n, Key, Locale};
use crate::journey::{ChapterMeta, CHAPTERS};
use crate::shell::use_page_title;
use leptos::prelude::*;
use leptos_router::components::A;

/// One glossary entry.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// Id used by `<Term id=…>` and as the page anchor (`#gl-<id>`).
    pub id: &'static str,
    /// The term's name (each locale names it in its own language).
    pub term: Key,
    /// The short definition.
    pub definition: Key,
    /// Sort key for the Chinese list: the name in toneless pinyin.
    pub pinyin: &'static str,
    /// Slugs of the chapters that use the term (verified by a test).
    pub chapters: &'static [&'static str],
}

const fn entry(
    id: &'static str,
    term: Key,
    definition: Key,
    pinyin: &'static str,
    chapters: &'static [&'static str],
) -> Entry {
    Entry {
        id,
        term,
        definition,
        pinyin,
        chapters,
    }
}

/// Every entry (in no particular order: the page sorts per language).
pub static ENTRIES: &[Entry] = &[
    entry(
        "restaking",
        Key::GlTRestaking,
        Key::GlDRestaking,
        "zaizhiya",
        &["how-it-works", "regulation", "who-should-take-part"],
    ),
    entry(
        "staking",
        Key::GlTStaking,
        Key::GlDStaking,
        "zhiya",
        &["how-it-works", "who-should-take-part"],
    ),
    entry(
        "validator",
        Key::GlTValidator,
        Key::GlDValidator,
        "yanzhengzhe",
        &["how-it-works"],
    ),
    entry(
        "eigenpod",
        Key::GlTEigenpod,
        Key::GlDEigenpod,
        "eigenpod",
        &["how-it-works", "risks", "regulation"],
    ),
    entry(
        "delegation",
        Key::GlTDelegation,
        Key::GlDDelegation,
        "weituo",
        &["how-it-works"],
    ),
    entry(
        "operator",
        Key::GlTOperator,
        Key::GlDOperator,
        "yunyingzhe",
        &[
            "how-it-works",
            "use-cases",
            "risks",
            "strategy",
            "lst-vs-restaking",
        ],
    ),
    entry(
        "avs",
        Key::GlTAvs,
        Key::GlDAvs,
        "zhudongyanzhengfuwu",
        &["how-it-works", "use-cases", "regulation"],
    ),
    entry(
        "magnitude",
        Key::GlTMagnitude,
        Key::GlDMagnitude,
        "fenpeiquanzhong",
        &["how-it-works"],
    ),
    entry(
        "operator-set",
        Key::GlTOperatorSet,
        Key::GlDOperatorSet,
        "yunyingzhejihe",
        &["how-it-works"],
    ),
    entry(
        "unique-stake",
        Key::GlTUniqueStake,
        Key::GlDUniqueStake,
        "duzhanzhiya",
        &["how-it-works", "risks"],
    ),
    entry(
        "slashing",
        Key::GlTSlashing,
        Key::GlDSlashing,
        "famo",
        &[
            "how-it-works",
            "use-cases",
            "risks",
            "strategy",
            "lst-vs-restaking",
            "regulation",
        ],
    ),
    entry(
        "lst",
        Key::GlTLst,
        Key::GlDLst,
        "liudongxingzhiyadaibi",
        &["how-it-works", "strategy", "lst-vs-restaking"],
    ),
    entry(
        "lrt",
        Key::GlTLrt,
        Key::GlDLrt,
        "liudongxingzaizhiyadaibi",
        &[
            "how-it-works",
            "risks",
            "strategy",
            "lst-vs-restaking",
            "regulation",
        ],
    ),
    entry(
        "apr",
        Key::GlTApr,
        Key::GlDApr,
        "nianhualilv",
        &["how-it-works", "strategy"],
    ),
    entry(
        "apy",
        Key::GlTApy,
        Key::GlDApy,
        "nianhuashouyilv",
        &["how-it-works", "strategy"],
    ),
    entry(
        "tiered-weights",
        Key::GlTTieredWeights,
        Key::GlDTieredWeights,
        "fenjiquanzhong",
        &["how-it-works", "strategy"],
    ),
    entry(
        "multisig",
        Key::GlTMultisig,
        Key::GlDMultisig,
        "duoqian",
        &["how-it-works", "regulation"],
    ),
    entry(
        "proxy-contract",
        Key::GlTProxyContract,
        Key::GlDProxyContract,
        "dailiheyue",
        &["how-it-works", "risks", "regulation"],
    ),
    entry(
        "insurance-pool",
        Key::GlTInsurancePool,
        Key::GlDInsurancePool,
        "baoxianchi",
        &["how-it-works", "risks", "strategy"],
    ),
    entry(
        "pfc",
        Key::GlTPfc,
        Key::GlDPfc,
        "zuoeshouyi",
        &["use-cases", "network-security"],
    ),
    entry(
        "coc",
        Key::GlTCoc,
        Key::GlDCoc,
        "zuoechengben",
        &["use-cases", "network-security"],
    ),
    entry(
        "exit-queue",
        Key::GlTExitQueue,
        Key::GlDExitQueue,
        "tuichuduilie",
        &["risks", "strategy", "lst-vs-restaking"],
    ),
    entry(
        "churn",
        Key::GlTChurn,
        Key::GlDChurn,
        "liuzhuanshangxian",
        &["risks"],
    ),
    entry(
        "correlation-penalty",
        Key::GlTCorrelationPenalty,
        Key::GlDCorrelationPenalty,
        "xiangguanxingchengfa",
        &["risks"],
    ),
    entry("hhi", Key::GlTHhi, Key::GlDHhi, "hefendaer", &["risks"]),
    entry(
        "nakamoto-coefficient",
        Key::GlTNakamotoCoefficient,
        Key::GlDNakamotoCoefficient,
        "zhongbencongxishu",
        &["risks"],
    ),
    entry(
        "withdrawal-delay",
        Key::GlTWithdrawalDelay,
        Key::GlDWithdrawalDelay,
        "tikuanyanchi",
        &["risks", "strategy"],
    ),
    entry(
        "depeg",
        Key::GlTDepeg,
        Key::GlDDepeg,
        "tuomao",
        &["risks", "strategy"],
    ),
    entry(
        "audit",
        Key::GlTAudit,
        Key::GlDAudit,
        "shenji",
        &["risks", "strategy"],
    ),
    entry(
        "timelock",
        Key::GlTTimelock,
        Key::GlDTimelock,
        "shijiansuo",
        &["risks", "strategy"],
    ),
    entry(
        "bug-bounty",
        Key::GlTBugBounty,
        Key::GlDBugBounty,
        "loudongshangjin",
        &["risks"],
    ),
    entry(
        "pooled-security",
        Key::GlTPooledSecurity,
        Key::GlDPooledSecurity,
        "chihuaanquan",
        &["network-security"],
    ),
    entry(
        "overcollateralisation",
        Key::GlTOvercollateralisation,
        Key::GlDOvercollateralisation,
        "chaoediya",
        &["network-security"],
    ),
    entry(
        "cascade",
        Key::GlTCascade,
        Key::GlDCascade,
        "liansuobengkui",
        &["network-security"],
    ),
    entry(
        "attack-coalition",
        Key::GlTAttackCoalition,
        Key::GlDAttackCoalition,
        "gongjilianmeng",
        &["network-security"],
    ),
    entry(
        "custody",
        Key::GlTCustody,
        Key::GlDCustody,
        "tuoguan",
        &["regulation"],
    ),
    entry(
        "howey-test",
        Key::GlTHoweyTest,
        Key::GlDHoweyTest,
        "haoweiceshi",
        &["regulation"],
    ),
    entry("mica", Key::GlTMica, Key::GlDMica, "mica", &["regulation"]),
    entry(
        "monte-carlo",
        Key::GlTMonteCarlo,
        Key::GlDMonteCarlo,
        "mengtekaluomoni",
        &["strategy"],
    ),
    entry(
        "percentile",
        Key::GlTPercentile,
        Key::GlDPercentile,
        "baifenweishu",
        &["strategy"],
    ),
];

/// Other ids that chapters use for the same term: `(alias, entry id)`.
pub static ALIASES: &[(&str, &str)] = &[
    ("profit-from-corruption", "pfc"),
    ("cost-of-corruption", "coc"),
];

/// The entry for a `Term` id (aliases resolved).
pub fn lookup(id: &str) -> Option<&'static Entry> {
    let id = ALIASES
        .iter()
        .find(|(a, _)| *a == id)
        .map(|(_, to)| *to)
        .unwrap_or(id);
    ENTRIES.iter().find(|e| e.id == id)
}

/// The page anchor of an entry.
pub fn anchor(id: &str) -> String {
    format!("gl-{id}")
}

/// The other language (whose name for the term is shown in brackets).
pub fn other(l: Locale) -> Locale {
    match l {
        Locale::En => Locale::Zh,
        Locale::Zh => Locale::En,
    }
}

/// The sort key of an entry in a locale: its English name, or its pinyin.
pub fn sort_key(e: &Entry, l: Locale) -> String {
    match l {
        Locale::En => l.text(e.term).to_lowercase(),
        Locale::Zh => e.pinyin.to_owned(),
    }
}

/// The entries sorted for a locale, grouped by initial letter (upper case).
pub fn sorted(l: Locale) -> Vec<(char, Vec<&'static Entry>)> {
    let mut all: Vec<&'static Entry> = ENTRIES.iter().collect();
    all.sort_by_cached_key(|e| sort_key(e, l));
    let mut groups: Vec<(char, Vec<&'static Entry>)> = Vec::new();
    for e in all {
        let c = sort_key(e, l)
            .chars()
            .next()
            .unwrap_or('#')
            .to_ascii_uppercase();
        match groups.last_mut() {
            Some((g, v)) if *g == c => v.push(e),
            _ => groups.push((c, vec![e])),
        }
    }
    groups
}

fn chapter(slug: &str) -> Option<&'static ChapterMeta> {
    CHAPTERS.iter().find(|c| c.slug == slug)
}

/// The glossary page: a letter index, then every entry with its name in both
/// languages, its definition and links back to the chapters that use it.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::GlTitle);
    // Entries render after the browser tried to follow `#gl-…`, and the router scrolls
    // to the top after a navigation: scroll to the entry in the next frame.
    Effect::new(move |_| request_animation_frame(crate::web::scroll_to_hash));
    let body = move || {
        let l = i18n.get();
        let groups = sorted(l);
        let index = groups
            .iter()
            .map(|(c, _)| {
                let to = format!("#gl-letter-{c}");
                view! { <li><a href=to>{c.to_string()}</a></li> }
            })
            .collect_view();
        let lists = groups
            .into_iter()
            .map(|(c, entries)| {
                view! {
                    <section class="gl-group" aria-labelledby=format!("gl-letter-{c}")>
                        <h2 id=format!("gl-letter-{c}") class="gl-letter">{c.to_string()}</h2>
                        <dl class="gl-list">
                            {entries.into_iter().map(|e| entry_view(l, e)).collect_view()}
                        </dl>
                    </section>
                }
            })
            .collect_view();
        view! {
            <nav class="gl-index" aria-label=i18n.t(Key::GlIndex)><ul>{index}</ul></nav>
            {lists}
        }
    };
    view! {
        <article class="prose gl-page">
            <h1>{move || i18n.t(Key::GlTitle)}</h1>
            <p>{move || i18n.t(Key::GlIntro)}</p>
            {body}
        </article>
    }
}

fn entry_view(l: Locale, e: &'static Entry) -> impl IntoView {
    let o = other(l);
    let links = e
        .chapters
        .iter()
        .filter_map(|s| chapter(s))
        .map(|c| {
            view! {
                <li>
                    <A href=href(&format!("/{}", c.slug))>
                        <span class="num">{c.number}</span>
                        {l.text(c.short)}
                    </A>
                </li>
            }
        })
        .collect_view();
    let used = (!e.chapters.is_empty()).then(|| {
        view! {
            <div class="gl-used">
                <span>{l.text(Key::GlUsedIn)}</span>
                <ul>{links}</ul>
            </div>
        }
    });
    view! {
        <div class="gl-entry" id=anchor(e.id) data-term=e.id>
            <dt>
                <dfn>{l.text(e.term)}</dfn>
                " "
                <span class="gl-other" lang=o.tag()>{o.text(e.term)}</span>
            </dt>
            <dd>
                <p>{l.text(e.definition)}</p>
                {used}
            </dd>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                files(&p, ext, out);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }

    /// The chapter slug a source or locale file belongs to (`None`: not a chapter).
    fn slug_of(path: &Path) -> Option<&'static str> {
        let s = path.to_string_lossy().replace('\\', "/");
        let name = path.file_stem()?.to_str()?;
        let table: &[(&str, &str)] = &[
            ("what_is", "what-is-restaking"),
            ("mechanism", "how-it-works"),
            ("use_cases", "use-cases"),
            ("risks", "risks"),
            ("strategy", "strategy"),
            ("lst_vs_restaking", "lst-vs-restaking"),
            ("network", "network-security"),
            ("regulation", "regulation"),
            ("who", "who-should-take-part"),
        ];
        if s.contains("/chapters/risks/") {
            return Some("risks");
        }
        table
            .iter()
            .find(|(f, _)| name == *f || name.starts_with(&format!("{f}_")))
            .map(|(_, slug)| *slug)
    }

    /// Every glossary id used in the chapters: `<Term id="…">` in src/chapters and
    /// `[[id|words]]` in the English locale files, with the chapters that use it.
    fn used_ids() -> BTreeMap<String, BTreeSet<&'static str>> {
        // GLOSSARY_ROOT: scan another checkout (e.g. while this one is mid-edit).
        let root = std::env::var("GLOSSARY_ROOT")
            .map(PathBuf::from)
            .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
        let root = root.as_path();
        let mut paths = Vec::new();
        files(&root.join("src/chapters"), "rs", &mut paths);
        files(&root.join("locales/en"), "json", &mut paths);
        let mut out: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
        for p in paths {
            let text = std::fs::read_to_string(&p).unwrap();
            let mut ids = Vec::new();
            // In Rust files, `<Term id="…">`; in locale files, `[[id|words]]`.
            let is_rs = p.extension().is_some_and(|x| x == "rs");
            let marker = if is_rs {
                ("Term id=\"", '"')
            } else {
                ("[[", '|')
            };
            for (marker, end) in [marker] {
                let mut rest = text.as_str();
                while let Some(i) = rest.find(marker) {
                    rest = &rest[i + marker.len()..];
                    if let Some(j) = rest.find(end) {
                        let id = &rest[..j];
                        if !id.is_empty()
                            && id
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                        {
                            ids.push(id.to_owned());
                        }
                    }
                }
            }
            for id in ids {
                let set = out.entry(id).or_default();
                if let Some(slug) = slug_of(&p) {
                    set.insert(slug);
                }
            }
        }
        out
    }

    #[test]
    fn every_term_used_in_a_chapter_has_an_entry_in_both_languages() {
        let used = used_ids();
        assert!(used.len() >= 10, "the scan found too few terms: {used:?}");
        let missing: Vec<&String> = used.keys().filter(|id| lookup(id).is_none()).collect();
        assert!(
            missing.is_empty(),
            "glossary entries missing for {missing:?}"
        );
        for e in ENTRIES {
            for l in [Locale::En, Locale::Zh] {
                assert!(!l.text(e.term).trim().is_empty(), "{}", e.id);
                assert!(!l.text(e.definition).trim().is_empty(), "{}", e.id);
            }
            assert!(!e.pinyin.is_empty() && e.pinyin.chars().all(|c| c.is_ascii_lowercase()));
        }
    }

    #[test]
    fn used_in_lists_match_the_chapters() {
        let used = used_ids();
        let mut wrong = Vec::new();
        for e in ENTRIES {
            let mut actual: BTreeSet<&str> = BTreeSet::new();
            for (id, slugs) in &used {
                if lookup(id).map(|x| x.id) == Some(e.id) {
                    actual.extend(slugs.iter().copied());
                }
            }
            let listed: BTreeSet<&str> = e.chapters.iter().copied().collect();
            if actual != listed {
                // In journey order, ready to paste into the table.
                let order: Vec<&str> = CHAPTERS
                    .iter()
                    .map(|c| c.slug)
                    .filter(|s| actual.contains(s))
                    .collect();
                wrong.push(format!("{}: {:?}", e.id, order));
            }
        }
        assert!(
            wrong.is_empty(),
            "fix the chapters of:\n{}",
            wrong.join("\n")
        );
    }

    #[test]
    fn ids_anchors_and_aliases_are_sound() {
        let ids: BTreeSet<&str> = ENTRIES.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), ENTRIES.len(), "duplicate id");
        for (alias, to) in ALIASES {
            assert!(
                !ids.contains(alias),
                "{alias} is both an alias and an entry"
            );
            assert!(ids.contains(to), "{alias} points to a missing entry");
        }
        for e in ENTRIES {
            assert!(e.chapters.iter().all(|s| chapter(s).is_some()), "{}", e.id);
            assert_eq!(anchor(e.id), format!("gl-{}", e.id));
        }
        assert_eq!(lookup("profit-from-corruption").map(|e| e.id), Some("pfc"));
        assert!(lookup("no-such-term").is_none());
    }

    #[test]
    fn it_sorts_per_language() {
        for l in [Locale::En, Locale::Zh] {
            let flat: Vec<String> = sorted(l)
                .iter()
                .flat_map(|(_, v)| v.iter().map(|e| sort_key(e, l)))
                .collect();
            let mut s = flat.clone();
            s.sort();
            assert_eq!(flat, s);
            assert_eq!(flat.len(), ENTRIES.len());
        }
        let zh = sorted(Locale::Zh);
        assert_eq!(zh.first().map(|g| g.0), Some('B')); // 百分位数 bǎifēnwèishù
        let en = sorted(Locale::En);
        assert_eq!(en.first().map(|g| g.0), Some('A'));
    }
}
