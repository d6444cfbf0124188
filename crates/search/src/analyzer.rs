//! The text analyzers, used both when indexing and when reading a query: Dutch ones for the
//! Dutch content and English ones for the English content ([`Language`]).
//!
//! * [`dutch`] is the main analyzer:
//!   `SimpleTokenizer -> RemoveLongFilter(40) -> LowerCaser -> AsciiFoldingFilter ->
//!   StopWordFilter(Dutch) -> Stemmer(Dutch)` (Snowball "dutch" via `frostem`, STACK.md P14).
//!   ASCII folding runs *before* the stemmer so that "financiële" and a parent's "financiele"
//!   get the same stem ("financiel"); the Dutch stop-word list has no diacritics, so folding
//!   first does not change what counts as a stop word.
//! * [`dutch_loose`] is the main analyzer plus [`AgentNounFilter`]: it also folds an agent noun
//!   in "-er" onto the verb stem. Snowball keeps "thuiszitter(s)" as "thuiszitter" but stems
//!   "thuiszitten" to "thuiszit", so without this a parent searching "thuiszitten" would not
//!   find the article about "thuiszitters". The loose analyzer is only used for extra,
//!   lower-weighted fields, because the rule also merges unrelated words ("moeder" with
//!   "moed"); exact stem matches in the main fields therefore still rank first.
//!
//! * [`english`] is the same chain with the English stop words and Snowball "english". English
//!   content keeps Dutch names ("leerplichtambtenaar"); they pass the English stemmer whole, at
//!   indexing and at query time alike, so they are still found. English has no loose variant:
//!   its loose fields get the main analyzer.
//!
//! All analyzers keep the byte offsets of every token in the original text, which the snippet
//! code uses to mark matched words.

use tantivy::tokenizer::Language as Tongue;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Name under which [`dutch`] is registered in the tantivy index.
pub const DUTCH: &str = "nl_stem";
/// Name under which [`dutch_loose`] is registered in the tantivy index.
pub const DUTCH_LOOSE: &str = "nl_stem_loose";

/// Name under which [`english`] is registered in the tantivy index.
pub const ENGLISH: &str = "en_stem";

/// The language of an index: which analyzers it uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    Dutch,
    English,
}

impl Language {
    /// The main analyzer of the language.
    pub fn main(self) -> TextAnalyzer {
        match self {
            Language::Dutch => dutch(),
            Language::English => english(),
        }
    }

    /// The analyzer of the lower-weighted loose fields.
    pub fn loose(self) -> TextAnalyzer {
        match self {
            Language::Dutch => dutch_loose(),
            Language::English => english(),
        }
    }

    /// The names the two analyzers are registered under.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Language::Dutch => (DUTCH, DUTCH_LOOSE),
            Language::English => (ENGLISH, ENGLISH),
        }
    }
}

/// Tokens longer than this many bytes are dropped (URLs, base64 and other noise).
const MAX_TOKEN_BYTES: usize = 40;

/// The main Dutch analyzer (see the module documentation).
pub fn dutch() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(dutch_stop_words())
        .filter(Stemmer::new(Tongue::Dutch))
        .build()
}

/// The main Dutch analyzer followed by [`AgentNounFilter`] (see the module documentation).
pub fn dutch_loose() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(dutch_stop_words())
        .filter(Stemmer::new(Tongue::Dutch))
        .filter(AgentNounFilter)
        .build()
}

/// The English analyzer (see the module documentation).
pub fn english() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(
            StopWordFilter::new(Tongue::English)
                .expect("tantivy is built with the `stopwords` feature, which includes English"),
        )
        .filter(Stemmer::new(Tongue::English))
        .build()
}

fn dutch_stop_words() -> StopWordFilter {
    StopWordFilter::new(Tongue::Dutch)
        .expect("tantivy is built with the `stopwords` feature, which includes Dutch")
}

/// Runs `analyzer` over `text` and returns every token (its analyzed text and byte offsets).
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
    let mut stream = analyzer.token_stream(text);
    let mut tokens = Vec::new();
    while stream.advance() {
        tokens.push(stream.token().clone());
    }
    tokens
}

/// Strips a trailing "er" from an already stemmed token and undoubles the consonant before it:
/// "thuiszitter" -> "thuiszitt" -> "thuiszit", the stem Snowball gives "thuiszitten".
///
/// Only tokens of at least [`AgentNounFilter::MIN_LEN`] bytes are touched, so short words such as
/// "over", "ouder" and "water" stay as they are.
#[derive(Clone, Copy, Debug)]
pub struct AgentNounFilter;

impl AgentNounFilter {
    /// The shortest token that is shortened.
    pub const MIN_LEN: usize = 6;

    /// Applies the rule to one token; see the type documentation.
    pub fn apply(word: &str) -> Option<String> {
        if word.len() < Self::MIN_LEN || !word.ends_with("er") {
            return None;
        }
        let stem = &word[..word.len() - 2];
        let bytes = stem.as_bytes();
        let n = bytes.len();
        let doubled_consonant = bytes[n - 1] == bytes[n - 2]
            && !b"aeiou".contains(&bytes[n - 1])
            && bytes[n - 1].is_ascii();
        if doubled_consonant {
            Some(stem[..n - 1].to_string())
        } else {
            Some(stem.to_string())
        }
    }
}

impl TokenFilter for AgentNounFilter {
    type Tokenizer<T: Tokenizer> = AgentNounTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> AgentNounTokenizer<T> {
        AgentNounTokenizer { inner: tokenizer }
    }
}

/// The tokenizer produced by [`AgentNounFilter`].
#[derive(Clone)]
pub struct AgentNounTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for AgentNounTokenizer<T> {
    type TokenStream<'a> = AgentNounTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        AgentNounTokenStream {
            inner: self.inner.token_stream(text),
        }
    }
}

/// The token stream produced by [`AgentNounFilter`].
pub struct AgentNounTokenStream<S> {
    inner: S,
}

impl<S: TokenStream> TokenStream for AgentNounTokenStream<S> {
    fn advance(&mut self) -> bool {
        if !self.inner.advance() {
            return false;
        }
        let token = self.inner.token_mut();
        if let Some(shorter) = AgentNounFilter::apply(&token.text) {
            token.text = shorter;
        }
        true
    }

    fn token(&self) -> &Token {
        self.inner.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        tokens(&mut analyzer, text)
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    /// Documents what Snowball Dutch (frostem) does with the words the brief names.
    #[test]
    fn main_analyzer_stems() {
        let cases = [
            ("vrijstellingen vrijstelling", ["vrijstel", "vrijstel"]),
            ("scholen school", ["school", "school"]),
            ("geschorst schorsing", ["schors", "schors"]),
            ("financiële financiele", ["financiel", "financiel"]),
            // Snowball does not conflate these; the loose analyzer does.
            ("thuiszitten thuiszitter", ["thuiszit", "thuiszitter"]),
        ];
        for (text, expected) in cases {
            assert_eq!(stems(dutch(), text), expected, "{text}");
        }
    }

    #[test]
    fn english_analyzer_stems_and_keeps_dutch_names() {
        assert_eq!(
            stems(english(), "the exemptions of an exemption"),
            ["exempt", "exempt"]
        );
        assert_eq!(
            stems(english(), "leerplichtambtenaar"),
            stems(english(), "Leerplichtambtenaar")
        );
    }

    #[test]
    fn stop_words_are_removed() {
        assert_eq!(stems(dutch(), "de school van het kind"), ["school", "kind"]);
    }

    #[test]
    fn loose_analyzer_conflates_agent_nouns() {
        assert_eq!(
            stems(dutch_loose(), "thuiszitten thuiszitter thuiszitters"),
            ["thuiszit", "thuiszit", "thuiszit"]
        );
        assert_eq!(stems(dutch_loose(), "ouder water"), ["ouder", "water"]);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Financiële steun";
        let toks = tokens(&mut dutch(), text);
        assert_eq!(&text[toks[0].offset_from..toks[0].offset_to], "Financiële");
    }
}
