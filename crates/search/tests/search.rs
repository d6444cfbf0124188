//! Black-box tests of `search::Index`: Dutch stemming, diacritics, ranking, lenient queries,
//! limits and snippets, on a small knowledge base written for these tests.

use search::{Document, Hit, Index};

fn doc(id: &str, title: &str, body: &str) -> Document {
    Document {
        id: id.to_string(),
        kind: "artikel".to_string(),
        title: title.to_string(),
        body: body.to_string(),
        url: format!("/kennisbank/{id}"),
    }
}

fn knowledge_base() -> Vec<Document> {
    vec![
        doc(
            "vrijstelling",
            "Vrijstelling van de leerplicht",
            "# Wanneer\n\nEen **vrijstelling** vraagt u aan bij de \
             [leerplichtambtenaar](https://example.org/lpa). Lees eerst de _voorwaarden_.",
        ),
        doc(
            "thuiszitter",
            "Mijn kind is een thuiszitter",
            "Een thuiszitter gaat langer dan vier weken niet naar school zonder vrijstelling.",
        ),
        doc(
            "school-kiezen",
            "Een school kiezen",
            "Ouders kiezen zelf een school. Let op de zorgplicht van het schoolbestuur.",
        ),
        doc(
            "schorsing",
            "Schorsing en verwijdering",
            "Bij een schorsing mag de leerling tijdelijk niet naar de les. \
             De school moet de ouders en de inspectie informeren.",
        ),
        doc(
            "pgb",
            "Geld voor begeleiding",
            "Soms is er financiële steun, bijvoorbeeld een persoonsgebonden budget.",
        ),
        doc(
            "bezwaar",
            "Bezwaar maken",
            "U kunt bezwaar maken tegen een besluit van het samenwerkingsverband.",
        ),
    ]
}

fn index() -> Index {
    Index::build(&knowledge_base()).expect("the test knowledge base indexes")
}

fn ids(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|hit| hit.id.as_str()).collect()
}

fn marked(hit: &Hit) -> Vec<&str> {
    hit.highlights
        .iter()
        .map(|&(from, to)| &hit.snippet[from..to])
        .collect()
}

#[test]
fn plural_finds_singular() {
    let hits = index().search("vrijstellingen", 10).unwrap();
    assert_eq!(ids(&hits)[0], "vrijstelling");
}

#[test]
fn verb_finds_agent_noun() {
    let hits = index().search("thuiszitten", 10).unwrap();
    assert_eq!(ids(&hits), ["thuiszitter"]);
    assert_eq!(marked(&hits[0]), ["thuiszitter"]);
}

#[test]
fn irregular_plural_finds_singular() {
    let hits = index().search("scholen", 10).unwrap();
    assert_eq!(ids(&hits)[0], "school-kiezen");
}

#[test]
fn participle_finds_noun() {
    let hits = index().search("geschorst", 10).unwrap();
    assert_eq!(ids(&hits), ["schorsing"]);
}

#[test]
fn diacritics_fold() {
    for query in ["financiele", "financiële", "FINANCIËLE"] {
        let hits = index().search(query, 10).unwrap();
        assert_eq!(ids(&hits), ["pgb"], "query {query:?}");
        assert_eq!(marked(&hits[0]), ["financiële"], "query {query:?}");
    }
}

#[test]
fn title_match_beats_body_match() {
    // "vrijstelling" is in the title of one article and only in the body of another.
    let hits = index().search("vrijstelling", 10).unwrap();
    assert_eq!(ids(&hits), ["vrijstelling", "thuiszitter"]);
    assert!(hits[0].score > hits[1].score);
}

#[test]
fn any_word_matches() {
    let hits = index().search("schorsing bezwaar", 10).unwrap();
    let found = ids(&hits);
    assert!(
        found.contains(&"schorsing") && found.contains(&"bezwaar"),
        "{found:?}"
    );
}

#[test]
fn odd_queries_do_not_error() {
    let index = index();
    let odd = [
        "-",
        ":",
        "\"",
        "\"school",
        "title:",
        "school:",
        "OR",
        "AND OR NOT",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "*",
        "?",
        "~",
        "^",
        "\\",
        "+-",
        "school^",
        "school~2",
        "a:b:c",
        "\"\"\"",
        "'; DROP TABLE",
        "é",
        "…",
        "🙂",
        "vrijstelling OR",
        "NOT school",
        "body:vrijstelling",
        "IN [a TO b]",
        "/regex/",
        "\u{0}",
    ];
    for query in odd {
        if let Err(error) = index.search(query, 10) {
            panic!("query {query:?} failed: {error}");
        }
    }
    // Syntax is ignored, the words still count.
    let hits = index.search("title:\"scholen\" OR -", 10).unwrap();
    assert_eq!(ids(&hits)[0], "school-kiezen");
}

#[test]
fn empty_or_meaningless_query_returns_nothing() {
    let index = index();
    for query in ["", "   ", "\n\t", "- : \"", "de het een"] {
        assert!(
            index.search(query, 10).unwrap().is_empty(),
            "query {query:?}"
        );
    }
}

#[test]
fn limit_is_respected() {
    let index = index();
    // "school" occurs in three articles.
    assert_eq!(index.search("school", 10).unwrap().len(), 3);
    assert_eq!(index.search("school", 2).unwrap().len(), 2);
    assert_eq!(index.search("school", 1).unwrap().len(), 1);
    assert!(index.search("school", 0).unwrap().is_empty());
    assert_eq!(index.search("school", usize::MAX).unwrap().len(), 3);
}

#[test]
fn snippet_contains_the_matched_word_as_plain_text() {
    let hits = index().search("leerplichtambtenaar", 10).unwrap();
    let hit = &hits[0];
    assert_eq!(hit.id, "vrijstelling");
    assert!(
        hit.snippet.contains("leerplichtambtenaar"),
        "{}",
        hit.snippet
    );
    assert_eq!(marked(hit), ["leerplichtambtenaar"]);
    // Markdown was stripped: no heading marks, emphasis or link target.
    assert_eq!(
        hit.snippet,
        "Wanneer Een vrijstelling vraagt u aan bij de leerplichtambtenaar. \
         Lees eerst de voorwaarden."
    );
}

#[test]
fn snippet_of_a_long_body_is_about_160_bytes_around_the_match() {
    let filler = "Deze zin gaat over iets anders dan het zoekwoord. ".repeat(30);
    let body = format!("{filler}Hier staat het woord zorgplicht in de tekst. {filler}");
    let index = Index::build(&[doc("lang", "Lang artikel", &body)]).unwrap();
    let hit = &index.search("zorgplicht", 5).unwrap()[0];
    assert!(hit.snippet.len() <= 160 + 2 * "…".len(), "{}", hit.snippet);
    assert!(hit.snippet.starts_with('…') && hit.snippet.ends_with('…'));
    assert_eq!(marked(hit), ["zorgplicht"]);
}

#[test]
fn title_only_match_still_gives_a_snippet() {
    let hits = index().search("begeleiding", 10).unwrap();
    assert_eq!(ids(&hits), ["pgb"]);
    assert!(hits[0].snippet.starts_with("Soms is er financiële steun"));
    assert!(hits[0].highlights.is_empty());
}

#[test]
fn hit_carries_the_document_fields() {
    let hit = &index().search("bezwaar", 1).unwrap()[0];
    assert_eq!(
        (
            hit.id.as_str(),
            hit.kind.as_str(),
            hit.title.as_str(),
            hit.url.as_str()
        ),
        ("bezwaar", "artikel", "Bezwaar maken", "/kennisbank/bezwaar")
    );
}

#[test]
fn duplicate_ids_are_refused_with_a_clear_message() {
    let docs = [doc("a", "Een", "x"), doc("a", "Twee", "y")];
    let error = Index::build(&docs).expect_err("duplicate ids are refused");
    assert!(error.to_string().contains("\"a\""), "{error}");
}

#[test]
fn empty_knowledge_base_searches_fine() {
    let index = Index::build(&[]).unwrap();
    assert!(index.search("school", 10).unwrap().is_empty());
}

fn english_base() -> Vec<Document> {
    vec![
        doc(
            "exemption",
            "Exemptions from school",
            "You ask the leerplichtambtenaar (the school attendance officer) for an exemption.",
        ),
        doc(
            "objection",
            "Making an objection",
            "You can object to a decision of the samenwerkingsverband.",
        ),
        doc(
            "talks",
            "Talking to the school",
            "Prepare the talks with the school and write down what was agreed.",
        ),
    ]
}

#[test]
fn an_english_index_stems_english_and_finds_dutch_names() {
    let index = Index::build_in(&english_base(), search::analyzer::Language::English).unwrap();
    let ids = |q: &str| -> Vec<String> {
        index
            .search(q, 10)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect()
    };
    // "exempt" and "exemptions" share the English stem; "the" and "of" are stop words.
    assert_eq!(ids("exempt"), ["exemption"]);
    assert_eq!(ids("objecting"), ["objection"]);
    assert!(ids("the of").is_empty());
    // A Dutch name inside English text is still found, whatever its case.
    assert_eq!(ids("Leerplichtambtenaar"), ["exemption"]);
    assert_eq!(ids("samenwerkingsverband"), ["objection"]);
    // The snippet marks the matched English word.
    let hit = &index.search("agreed", 1).unwrap()[0];
    let (from, to) = hit.highlights[0];
    assert_eq!(&hit.snippet[from..to], "agreed");
    // The Dutch index does not stem English this way.
    let dutch = Index::build(&english_base()).unwrap();
    assert!(dutch.search("exempt", 10).unwrap().is_empty());
}
