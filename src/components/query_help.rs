use leptos::prelude::*;

/// The query language, one row per construct: (syntax, what it does).
const SYNTAX: &[(&str, &str)] = &[
    (
        "defectors 2019",
        "every word must appear; best matches first (stemmed: defector, defectors)",
    ),
    ("\"border guards\"", "the exact phrase"),
    ("fortif*", "words starting with fortif"),
    (
        "defecters~",
        "close spellings (typos); long words are retried this way when nothing matches",
    ),
    ("bor", "when nothing matches, the last word is read as a prefix (bor*): it is usually unfinished"),
    ("tumen OR yalu", "either word"),
    ("mines -russia", "leave out documents with russia"),
    ("(tumen OR yalu) fence", "group with parentheses"),
    ("title:fortifies", "only in the title (also byline:, body:)"),
    ("person:kim", "documents naming a person; also org:, country:, place:, group:, entity:"),
    ("dateline:seoul", "wire stories filed from a place (\"SEOUL, Nov 3 (Reuters) -\")"),
    ("theme:smuggling", "documents on a theme (fortification, defection, smuggling, information, rights, military, pandemic)"),
];

/// A help popover explaining the query language. Built on `<details>` so
/// it works with keyboard and screen readers without extra scripting.
#[component]
pub fn QueryHelp() -> impl IntoView {
    view! {
        <details class="query-help" data-testid="query-help">
            <summary aria-label="Query syntax help" title="Query syntax">"?"</summary>
            <div class="query-help-panel" role="note">
                <p class="query-help-intro">
                    "Search as you type. Case, accents, plurals, hyphens (Jong-un = Jong Un) and possessives (China's = China) don't matter; numbers match with or without commas. Korean words match with their particles."
                </p>
                <table>
                    <tbody>
                        {SYNTAX
                            .iter()
                            .map(|(syntax, meaning)| view! { <tr><td><code>{*syntax}</code></td><td>{*meaning}</td></tr> })
                            .collect::<Vec<_>>()}
                    </tbody>
                </table>
                <p class="query-help-intro">"Unbalanced quotes or brackets are read the way you most likely meant them; the line above the results shows how the query was understood."</p>
            </div>
        </details>
    }
}
