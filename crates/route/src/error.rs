//! The one error type for content: a problem at a file and line, so that an editor can go
//! straight to it. Parsing, checking and loading all report in it.

use std::fmt;
use std::path::PathBuf;

use crate::model::Loc;

/// One problem in the content, at a file and line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

impl std::error::Error for ContentError {}

impl ContentError {
    pub fn at(loc: &Loc, message: impl Into<String>) -> Self {
        ContentError {
            file: loc.file.clone(),
            line: loc.line,
            message: message.into(),
        }
    }
}
