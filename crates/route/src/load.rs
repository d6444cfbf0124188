//! Loading `content/`: read the files, parse them, then check the result.
//!
//! Parsing is pure (`load_files` takes path and text pairs); `load_dir` only reads the files.
//! Every problem becomes a [`ContentError`] with file and line. The checks run only on content
//! that parsed cleanly: on half-parsed content they would report follow-ons of the parse errors.

use std::path::{Path, PathBuf};

use calendar::Lang;

use crate::model::Knowledge;

pub use crate::error::ContentError;

/// Reads every content file under `dir` and loads it. Paths in errors are as found under `dir`.
pub fn load_dir(dir: &Path) -> Result<Knowledge, Vec<ContentError>> {
    load_files(&read_dir(dir)?)
}

/// Like [`load_dir`], with the texts in `lang`. English content needs an English twin of every
/// Dutch text; a missing one is an error at its file and line.
pub fn load_dir_in(dir: &Path, lang: Lang) -> Result<Knowledge, Vec<ContentError>> {
    load_files_in(&read_dir(dir)?, lang, true)
}

/// Like [`load_dir`], but checks with [`crate::check::check_without_walk`]: for a server that
/// already saw this content pass the full check.
pub fn load_dir_without_walk(dir: &Path) -> Result<Knowledge, Vec<ContentError>> {
    load_files_checked(&read_dir(dir)?, false)
}

/// The content files under `dir` as (path, text) pairs, in the order the loader uses.
pub fn read_dir(dir: &Path) -> Result<Vec<(PathBuf, String)>, Vec<ContentError>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    collect_files(dir, &mut files, &mut errors);
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

fn collect_files(dir: &Path, out: &mut Vec<(PathBuf, String)>, errors: &mut Vec<ContentError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(ContentError {
                file: dir.to_path_buf(),
                line: 0,
                message: format!("cannot read the content folder: {e}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_files(&path, out, errors);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("toml" | "md")
        ) {
            match std::fs::read_to_string(&path) {
                Ok(text) => out.push((path, text)),
                Err(e) => errors.push(ContentError {
                    file: path,
                    line: 0,
                    message: format!("cannot read the file: {e}"),
                }),
            }
        }
    }
}

/// The version of `files` (see [`crate::model::ContentVersion`]). A file is named by its path
/// below the folder all files share, so the same content has the same version wherever it lies.
fn content_version(files: &[(PathBuf, String)], k: &Knowledge) -> crate::model::ContentVersion {
    use sha2::{Digest, Sha256};
    let root = common_folder(files.iter().map(|(p, _)| p.as_path()));
    let mut h = Sha256::new();
    for (path, text) in files {
        let name = path.strip_prefix(&root).unwrap_or(path).to_string_lossy();
        for part in [name.as_bytes(), text.as_bytes()] {
            // Each part with its length first: no two file lists hash alike by shifting bytes.
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
    }
    let hash: String = h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    crate::model::ContentVersion {
        sources_checked: k.sources.iter().map(|s| s.checked).max(),
        hash,
    }
}

/// The deepest folder that holds every path.
fn common_folder<'a>(mut paths: impl Iterator<Item = &'a Path>) -> PathBuf {
    let Some(first) = paths.next() else {
        return PathBuf::new();
    };
    let mut root = first.parent().map(Path::to_path_buf).unwrap_or_default();
    for p in paths {
        while !p.starts_with(&root) {
            if !root.pop() {
                return PathBuf::new();
            }
        }
    }
    root
}

/// Loads content from (path, text) pairs, in the order given (sort them for route order).
/// Checks the content fully (see [`crate::check`]) before returning it.
pub fn load_files(files: &[(PathBuf, String)]) -> Result<Knowledge, Vec<ContentError>> {
    load_files_checked(files, true)
}

/// [`load_files`], with or without the intake walk (see [`load_dir_without_walk`]).
pub fn load_files_checked(
    files: &[(PathBuf, String)],
    walk: bool,
) -> Result<Knowledge, Vec<ContentError>> {
    load_files_in(files, Lang::Nl, walk)
}

/// [`load_files_checked`] with the texts in `lang`. The walk depends on ids and conditions
/// only, which both languages share, so one walk (of the Dutch) is enough.
pub fn load_files_in(
    files: &[(PathBuf, String)],
    lang: Lang,
    walk: bool,
) -> Result<Knowledge, Vec<ContentError>> {
    let (mut k, mut errors) = crate::parse::parse_files(files, lang);
    k.version = content_version(files, &k);
    if errors.is_empty() {
        errors = if walk {
            crate::check::check(&k)
        } else {
            crate::check::check_without_walk(&k)
        };
    }
    if errors.is_empty() {
        Ok(k)
    } else {
        errors.sort();
        errors.dedup();
        Err(errors)
    }
}
