//! A case as one ZIP file, and back: `case.json` (everything in the case, format
//! [`FORMAT`], described in `docs/case-export.md`) plus `attachments/<id>` with each file.
//!
//! Import makes a new case owned by the importer, with new ids, so a file can be imported next
//! to the case it came from. Every attachment is checked again (size, type by content).

use std::io::{Cursor, Read, Write};

use serde::{Deserialize, Serialize};
use store::{
    Actor, AdviceSeen, AnswerVersion, Attachment, AuditEntry, Case, Child, Event, HelpRequest,
    Party, Share, StepOutcome, Store, new_id,
};

use crate::CaseError;
use crate::attachments::{self, MAX_FILE, safe_name, sniff};

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
    /// The advice the case was shown over time, oldest first. For the parent's records; not
    /// imported: the new case records its own advice from its first view.
    #[serde(default)]
    advice_seen: Vec<AdviceSeen>,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not a ZIP made by Routewijzer, or damaged.
    #[error("not a case file, or damaged")]
    NotOurs,
    /// An attachment in it is too large or not an accepted type.
    #[error("an attachment is too large or of a type that is not accepted")]
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
pub async fn export(s: &dyn Store, case: &Case) -> Result<Vec<u8>, CaseError> {
    let id = &case.id;
    let file = CaseFile {
        format: FORMAT.to_string(),
        case: case.clone(),
        children: s.children(id).await?,
        parties: s.parties(id).await?,
        answer_versions: s.answer_versions(id).await?,
        events: s.events(id).await?,
        attachments: s.attachments(id).await?,
        step_outcomes: s.step_outcomes(id).await?,
        advice_seen: s.advice_seen(id).await?,
        // An invitation link is a secret; the export only says who had access.
        shares: s
            .shares(id)
            .await?
            .into_iter()
            .map(|sh| Share {
                token: String::new(),
                ..sh
            })
            .collect(),
        audit_log: s.audit_log(id).await?,
        help_requests: s.help_requests_of_case(id).await?,
        reminders_on: s.reminders_on(id).await?,
        combine_consent_since: s.combine_consent(id).await?,
    };
    let internal = |e: &dyn std::fmt::Display| CaseError::Export(e.to_string());
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("case.json", options)
        .map_err(|e| internal(&e))?;
    let json = serde_json::to_vec_pretty(&file).map_err(|e| internal(&e))?;
    zip.write_all(&json).map_err(|e| internal(&e))?;
    for a in &file.attachments {
        let bytes = attachments::read_all(s, a).await?;
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
    s: &dyn Store,
    bytes: &[u8],
    actor: &Actor,
) -> Result<Result<String, ImportError>, CaseError> {
    let parsed = (|| {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ImportError::NotOurs)?;
        let json = read_entry(&mut zip, "case.json", MAX_JSON).map_err(|_| ImportError::NotOurs)?;
        let file: CaseFile = serde_json::from_slice(&json).map_err(|_| ImportError::NotOurs)?;
        if file.format != FORMAT {
            return Err(ImportError::NotOurs);
        }
        let mut attachments = Vec::new();
        for a in &file.attachments {
            let bytes = read_entry(
                &mut zip,
                &format!("attachments/{}", safe_name(&a.id)),
                MAX_FILE as u64,
            )?;
            let Some(media_type) = sniff(&bytes) else {
                return Err(ImportError::BadAttachment);
            };
            attachments.push((a.clone(), media_type, bytes));
        }
        Ok((file, attachments))
    })();
    let (file, attachments) = match parsed {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    let case = Case {
        id: new_id(),
        owner_id: actor.user_id.clone(),
        title: file.case.title,
        created_at: actor.now,
    };
    s.create_case(&case, actor).await?;
    for c in file.children {
        s.save_child(
            &Child {
                id: new_id(),
                case_id: case.id.clone(),
                ..c
            },
            actor,
        )
        .await?;
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
        .await?;
    }
    let mut versions = file.answer_versions;
    versions.sort_by_key(|v| v.version);
    for v in versions {
        s.save_answers(&case.id, &v.answers, actor).await?;
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
        .await?;
    }
    for o in file.step_outcomes {
        s.save_step_outcome(
            &StepOutcome {
                case_id: case.id.clone(),
                ..o
            },
            actor,
        )
        .await?;
    }
    for (a, media_type, bytes) in attachments {
        let Some(event_id) = event_ids.get(&a.event_id) else {
            continue;
        };
        let id = new_id();
        let attachment = Attachment {
            id,
            case_id: case.id.clone(),
            event_id: event_id.clone(),
            media_type: media_type.to_string(),
            size: bytes.len() as i64,
            ..a
        };
        s.add_attachment(&attachment, &bytes, actor).await?;
    }
    Ok(Ok(case.id))
}
