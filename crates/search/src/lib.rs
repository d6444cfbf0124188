//! Dutch full-text search over the knowledge base, held in memory with tantivy.
//!
//! Build one [`Index`] at start-up from all knowledge-base [`Document`]s, share it behind an
//! `Arc`, and call [`Index::search`] per request. Nothing touches the disk.
//!
//! * **Analysis** ([`analyzer`]): Snowball Dutch stemming, Dutch stop words and diacritic folding,
//!   so "vrijstellingen" finds "vrijstelling", "scholen" finds "school", "geschorst" finds
//!   "schorsing" and "financiele" finds "financiële". An extra, lower-weighted "loose" field
//!   also folds "-er" agent nouns onto their verb ("thuiszitten" finds "thuiszitter").
//! * **Query**: built by us from the analyzed words, never parsed as query syntax, so whatever a
//!   parent types (quotes, colons, "OR", a lone "-") is just words and cannot fail. A document
//!   matches when it contains *any* of the words; more and rarer words score higher (BM25), and a
//!   word in the title weighs [`TITLE_BOOST`] times a word in the body.
//! * **Snippets** ([`snippet`]): plain text of about 160 bytes around the densest matches, with
//!   the byte ranges of the matched words in [`Hit::highlights`]. Markdown in bodies is stripped
//!   to plain text first ([`markdown`]).
//!
//! ```
//! let docs = vec![search::Document {
//!     id: "vrijstelling".into(),
//!     kind: "artikel".into(),
//!     title: "Vrijstelling van de leerplicht".into(),
//!     body: "Een **vrijstelling** vraagt u aan bij de [leerplichtambtenaar](/lpa).".into(),
//!     url: "/kennisbank/vrijstelling".into(),
//! }];
//! let index = search::Index::build(&docs).unwrap();
//! let hits = index.search("vrijstellingen", 10).unwrap();
//! assert_eq!(hits[0].id, "vrijstelling");
//! assert!(hits[0].snippet.contains("vrijstelling"));
//! ```

pub mod analyzer;
pub mod markdown;
pub mod snippet;

use std::collections::{BTreeSet, HashSet};

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::{IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::snippet::QueryTerms;

/// How much more a matched word in the title counts than one in the body.
pub const TITLE_BOOST: f32 = 3.0;
/// Weight of the loose fields relative to the main fields (see [`analyzer::dutch_loose`]).
const LOOSE_WEIGHT: f32 = 0.5;
/// Memory for the one indexing thread; tantivy's minimum, ample for a few hundred articles.
const WRITER_MEMORY_BYTES: usize = 15_000_000;

/// One knowledge-base entry to index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Unique id, e.g. the file name without extension.
    pub id: String,
    /// What sort of entry it is (e.g. "artikel", "begrip"); returned as is.
    pub kind: String,
    /// Title as shown to the user.
    pub title: String,
    /// Body as Markdown or plain text.
    pub body: String,
    /// Where the entry lives in the web app.
    pub url: String,
}

/// One search result, best first in the list [`Index::search`] returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// [`Document::id`] of the matched document.
    pub id: String,
    /// [`Document::kind`], unchanged.
    pub kind: String,
    /// [`Document::title`], unchanged.
    pub title: String,
    /// [`Document::url`], unchanged.
    pub url: String,
    /// Plain text (not HTML) of about 160 bytes from the body around the best match; escape it.
    pub snippet: String,
    /// Byte ranges in `snippet` of the matched words, sorted, for the caller to mark.
    pub highlights: Vec<(usize, usize)>,
    /// Relevance score (BM25 with field weights); only meaningful for ordering.
    pub score: f32,
}

/// What can go wrong while building or searching the index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// Two documents share an id, so a hit could not say which one it is.
    #[error("two knowledge-base documents have the id {0:?}; give every document a unique id")]
    DuplicateId(String),
    /// tantivy failed while building the in-memory index.
    #[error(
        "could not build the in-memory search index of the knowledge base ({0}); \
         check that the server has enough free memory and restart it"
    )]
    Build(#[source] tantivy::TantivyError),
    /// tantivy failed while running a search.
    #[error("the search could not be run ({0}); try again, and report it if it keeps happening")]
    Search(#[source] tantivy::TantivyError),
    /// The index returned something it should not; a bug in this crate.
    #[error("the search index is inconsistent ({0}); this is a bug, please report it")]
    Inconsistent(String),
}

/// The tantivy fields of the index.
#[derive(Debug, Clone, Copy)]
struct Fields {
    /// Position of the document in [`Index::docs`].
    ord: Field,
    title: Field,
    body: Field,
    title_loose: Field,
    body_loose: Field,
}

/// The entry the index keeps per document, to build hits without tantivy's doc store text.
#[derive(Debug)]
struct Entry {
    doc: Document,
    /// `doc.body` as plain text, used for snippets.
    plain_body: String,
}

/// An in-memory search index over the knowledge base. Build once, share behind an `Arc`.
pub struct Index {
    reader: IndexReader,
    fields: Fields,
    entries: Vec<Entry>,
    language: analyzer::Language,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("documents", &self.entries.len())
            .finish_non_exhaustive()
    }
}

impl Index {
    /// Indexes Dutch `docs` in RAM. Fails on duplicate ids or if tantivy fails.
    pub fn build(docs: &[Document]) -> Result<Index, SearchError> {
        Index::build_in(docs, analyzer::Language::Dutch)
    }

    /// Indexes `docs` written in `language`, with that language's analyzers; queries are read
    /// with the same ones.
    pub fn build_in(docs: &[Document], language: analyzer::Language) -> Result<Index, SearchError> {
        let mut seen = HashSet::new();
        for doc in docs {
            if !seen.insert(doc.id.as_str()) {
                return Err(SearchError::DuplicateId(doc.id.clone()));
            }
        }

        let (schema, fields) = schema(language);
        let index = tantivy::Index::create_in_ram(schema);
        let (main, loose) = language.names();
        index.tokenizers().register(main, language.main());
        index.tokenizers().register(loose, language.loose());

        let mut writer: IndexWriter = index
            .writer_with_num_threads(1, WRITER_MEMORY_BYTES)
            .map_err(SearchError::Build)?;
        let mut entries = Vec::with_capacity(docs.len());
        for (ord, doc) in docs.iter().enumerate() {
            let plain_title = markdown::to_plain_text(&doc.title);
            let plain_body = markdown::to_plain_text(&doc.body);
            let mut tantivy_doc = TantivyDocument::new();
            tantivy_doc.add_u64(fields.ord, ord as u64);
            tantivy_doc.add_text(fields.title, &plain_title);
            tantivy_doc.add_text(fields.title_loose, &plain_title);
            tantivy_doc.add_text(fields.body, &plain_body);
            tantivy_doc.add_text(fields.body_loose, &plain_body);
            writer
                .add_document(tantivy_doc)
                .map_err(SearchError::Build)?;
            entries.push(Entry {
                doc: doc.clone(),
                plain_body,
            });
        }
        writer.commit().map_err(SearchError::Build)?;

        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(SearchError::Build)?;
        Ok(Index {
            reader,
            fields,
            entries,
            language,
        })
    }

    /// Returns at most `limit` hits for `query`, best first. A query without searchable words
    /// (empty, only punctuation or only stop words) returns no hits.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
        let terms = query_terms(query, self.language);
        if terms.main.is_empty() && terms.loose.is_empty() {
            return Ok(Vec::new());
        }
        let limit = limit.min(self.entries.len());
        if limit == 0 {
            return Ok(Vec::new());
        }

        let searcher = self.reader.searcher();
        let top_docs = searcher
            .search(
                &self.build_query(&terms),
                &TopDocs::with_limit(limit).order_by_score(),
            )
            .map_err(SearchError::Search)?;

        let mut hits = Vec::with_capacity(top_docs.len());
        for (score, address) in top_docs {
            let stored: TantivyDocument = searcher.doc(address).map_err(SearchError::Search)?;
            let entry = stored
                .get_first(self.fields.ord)
                .and_then(|value| value.as_u64())
                .and_then(|ord| self.entries.get(ord as usize))
                .ok_or_else(|| {
                    SearchError::Inconsistent(format!("hit {address:?} has no document number"))
                })?;
            let snippet = snippet::make(&entry.plain_body, &terms);
            hits.push(Hit {
                id: entry.doc.id.clone(),
                kind: entry.doc.kind.clone(),
                title: entry.doc.title.clone(),
                url: entry.doc.url.clone(),
                snippet: snippet.text,
                highlights: snippet.highlights,
                score,
            });
        }
        Ok(hits)
    }

    /// ANY-term query: one weighted term query per analyzed word and field.
    fn build_query(&self, terms: &QueryTerms) -> BooleanQuery {
        let f = self.fields;
        let main_fields = [(f.title, TITLE_BOOST), (f.body, 1.0)];
        let loose_fields = [
            (f.title_loose, TITLE_BOOST * LOOSE_WEIGHT),
            (f.body_loose, LOOSE_WEIGHT),
        ];
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (words, fields) in [(&terms.main, main_fields), (&terms.loose, loose_fields)] {
            // Sorted, so the query (and any debug output) does not depend on hash order.
            for word in words.iter().collect::<BTreeSet<_>>() {
                for (field, boost) in fields {
                    let term = TermQuery::new(
                        Term::from_field_text(field, word),
                        IndexRecordOption::WithFreqs,
                    );
                    clauses.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(term), boost)),
                    ));
                }
            }
        }
        BooleanQuery::new(clauses)
    }
}

/// The schema: a stored document number plus four indexed text fields (not stored).
fn schema(language: analyzer::Language) -> (Schema, Fields) {
    let (main, loose) = language.names();
    let text = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let mut builder = Schema::builder();
    let fields = Fields {
        ord: builder.add_u64_field("ord", STORED),
        title: builder.add_text_field("title", text(main)),
        body: builder.add_text_field("body", text(main)),
        title_loose: builder.add_text_field("title_loose", text(loose)),
        body_loose: builder.add_text_field("body_loose", text(loose)),
    };
    (builder.build(), fields)
}

/// Analyzes `query` with both analyzers of `language`. Query syntax has no meaning: everything
/// is words.
fn query_terms(query: &str, language: analyzer::Language) -> QueryTerms {
    let analyze = |mut analyzer| -> HashSet<String> {
        analyzer::tokens(&mut analyzer, query)
            .into_iter()
            .map(|token| token.text)
            .collect()
    };
    QueryTerms {
        main: analyze(language.main()),
        loose: analyze(language.loose()),
        language,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Index>();
    }

    #[test]
    fn query_syntax_is_just_words() {
        let terms = query_terms(
            "\"scholen\" OR titel:thuiszitters -",
            analyzer::Language::Dutch,
        );
        let mut main: Vec<_> = terms.main.into_iter().collect();
        main.sort();
        assert_eq!(main, ["or", "school", "thuiszitter", "titel"]);
    }
}
