//! A case as one ZIP file, and back: `case.json` (everything in the case, format
//! [`FORMAT`], described in `docs/case-export.md`) plus `attachments/<id>` with each file.
//!
//! Import makes a new case owned by the importer, with new ids, so a file can be imported next
//! to the case it came from. Every attachment is checked again (size, type by content).

use std::io::{Cursor, Read, Write};

use serde::{Deserialize, Serialize};
use store::{
    Actor, AnswerVersion, Attachment, AuditEntry, Case, Child, Event, HelpRequest, Party, Share,
    StepOutcome, new_id,
};

use crate::account::store_error;
use crate::app::AppState;
use crate::case_page::{MAX_FILE, case_dir, safe_name, sniff, write_file};
use crate::error::PageError;

/// The name and version of the format.
pub const FORMAT: &str = "routewijzer-case/1";
/// The largest `case.json` read on import.
const MAX_JSON: u64 = 16 * 1024 * 1024;

#[derive(Serialize, Deserialize)]
struct CaseFile {
    format: String,
    case: Case,
    children: Vec<Child>,
    parties: Vec<Party>,
    answer_versions: Vec<AnswerVersion>,
    events: Vec<Event>,
    attachments: Vec<Attachment>,
    step_outcomes: Vec<StepOutcome>,
    /// For the parent's records; not imported (the advocates are invited again).
    #[serde(default)]
    shares: Vec<Share>,
    /// For the parent's records; the import starts a new log.
    #[serde(default)]
    audit_log: Vec<AuditEntry>,
    /// For the parent's records; not imported (help is asked again, from the new case).
    #[serde(default)]
    help_requests: Vec<HelpRequest>,
    /// For the parent's records; not imported: reminders and consent are given again.
    #[serde(default)]
    reminders_on: bool,
    #[serde(default)]
    combine_consent_since: Option<i64>,
}

/// Why a file cannot be imported; each maps to a text that says what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportError {
    /// Not a ZIP made by Routewijzer, or damaged.
    NotOurs,
    /// An attachment in it is too large or not an accepted type.
    BadAttachment,
}

impl ImportError {
    pub fn key(self) -> &'static str {
        match self {
            ImportError::NotOurs => "import-error-not-ours",
            ImportError::BadAttachment => "import-error-attachment",
        }
    }
}

/// The whole case as a ZIP.
pub async fn export(state: &AppState, case: &Case) -> Result<Vec<u8>, PageError> {
    let s = &state.store;
    let id = &case.id;
    let file = CaseFile {
        format: FORMAT.to_string(),
        case: case.clone(),
        children: s.children(id).await.map_err(store_error)?,
        parties: s.parties(id).await.map_err(store_error)?,
        answer_versions: s.answer_versions(id).await.map_err(store_error)?,
        events: s.events(id).await.map_err(store_error)?,
        attachments: s.attachments(id).await.map_err(store_error)?,
        step_outcomes: s.step_outcomes(id).await.map_err(store_error)?,
        // An invitation link is a secret; the export only says who had access.
        shares: s
            .shares(id)
            .await
            .map_err(store_error)?
            .into_iter()
            .map(|sh| Share {
                token: String::new(),
                ..sh
            })
            .collect(),
        audit_log: s.audit_log(id).await.map_err(store_error)?,
        help_requests: s.help_requests_of_case(id).await.map_err(store_error)?,
        reminders_on: s.reminders_on(id).await.map_err(store_error)?,
        combine_consent_since: s.combine_consent(id).await.map_err(store_error)?,
    };
    let dir = case_dir(state, id);
    let internal = |e: &dyn std::fmt::Display| {
        tracing::error!(error = %e, "cannot write the export");
        PageError::Internal
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("case.json", options)
        .map_err(|e| internal(&e))?;
    let json = serde_json::to_vec_pretty(&file).map_err(|e| internal(&e))?;
    zip.write_all(&json).map_err(|e| internal(&e))?;
    for a in &file.attachments {
        let bytes = std::fs::read(dir.join(safe_name(&a.id))).map_err(|e| internal(&e))?;
        zip.start_file(format!("attachments/{}", safe_name(&a.id)), options)
            .map_err(|e| internal(&e))?;
        zip.write_all(&bytes).map_err(|e| internal(&e))?;
    }
    Ok(zip.finish().map_err(|e| internal(&e))?.into_inner())
}

fn read_entry(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    max: u64,
) -> Result<Vec<u8>, ImportError> {
    let entry = zip.by_name(name).map_err(|_| ImportError::NotOurs)?;
    if entry.size() > max {
        return Err(ImportError::BadAttachment);
    }
    let mut bytes = Vec::with_capacity(entry.size() as usize);
    // Read at most one byte more than allowed: a lying size header cannot make us read more.
    entry
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| ImportError::NotOurs)?;
    if bytes.len() as u64 > max {
        return Err(ImportError::BadAttachment);
    }
    Ok(bytes)
}

/// Reads an export into a new case owned by `actor`; returns the new case id.
pub async fn import(
    state: &AppState,
    bytes: &[u8],
    actor: &Actor,
) -> Result<Result<String, ImportError>, PageError> {
    let parsed = (|| {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ImportError::NotOurs)?;
        let json = read_entry(&mut zip, "case.json", MAX_JSON).map_err(|_| ImportError::NotOurs)?;
        let file: CaseFile = serde_json::from_slice(&json).map_err(|_| ImportError::NotOurs)?;
        if file.format != FORMAT {
            return Err(ImportError::NotOurs);
        }
        let mut files = Vec::new();
        for a in &file.attachments {
            let bytes = read_entry(
                &mut zip,
                &format!("attachments/{}", safe_name(&a.id)),
                MAX_FILE as u64,
            )?;
            let Some(media_type) = sniff(&bytes) else {
                return Err(ImportError::BadAttachment);
            };
            files.push((a.clone(), media_type, bytes));
        }
        Ok((file, files))
    })();
    let (file, files) = match parsed {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    let s = &state.store;
    let case = Case {
        id: new_id(),
        owner_id: actor.user_id.clone(),
        title: file.case.title,
        created_at: actor.now,
    };
    s.create_case(&case, actor).await.map_err(store_error)?;
    for c in file.children {
        s.save_child(
            &Child {
                id: new_id(),
                case_id: case.id.clone(),
                ..c
            },
            actor,
        )
        .await
        .map_err(store_error)?;
    }
    for p in file.parties {
        s.save_party(
            &Party {
                id: new_id(),
                case_id: case.id.clone(),
                ..p
            },
            actor,
        )
        .await
        .map_err(store_error)?;
    }
    let mut versions = file.answer_versions;
    versions.sort_by_key(|v| v.version);
    for v in versions {
        s.save_answers(&case.id, &v.answers, actor)
            .await
            .map_err(store_error)?;
    }
    let mut event_ids = std::collections::HashMap::new();
    for e in file.events {
        let id = new_id();
        event_ids.insert(e.id.clone(), id.clone());
        s.add_event(
            &Event {
                id,
                case_id: case.id.clone(),
                ..e
            },
            actor,
        )
        .await
        .map_err(store_error)?;
    }
    for o in file.step_outcomes {
        s.save_step_outcome(
            &StepOutcome {
                case_id: case.id.clone(),
                ..o
            },
            actor,
        )
        .await
        .map_err(store_error)?;
    }
    let dir = case_dir(state, &case.id);
    for (a, media_type, bytes) in files {
        let Some(event_id) = event_ids.get(&a.event_id) else {
            continue;
        };
        let id = new_id();
        write_file(&dir, &safe_name(&id), &bytes).map_err(|e| {
            tracing::error!(error = %e, "cannot write an imported attachment");
            PageError::Internal
        })?;
        let attachment = Attachment {
            id,
            case_id: case.id.clone(),
            event_id: event_id.clone(),
            media_type: media_type.to_string(),
            size: bytes.len() as i64,
            ..a
        };
        s.add_attachment(&attachment, actor)
            .await
            .map_err(store_error)?;
    }
    Ok(Ok(case.id))
}
