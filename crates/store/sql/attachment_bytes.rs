//! The bytes of attachments, in the database beside their rows (`attachment_chunks`), so that
//! every server on one database sees every file and a backup holds them. A file is cut into
//! chunks of [`store::ATTACHMENT_CHUNK`] bytes: written in the transaction of its row, read back
//! one chunk at a time.

use store::seal::Key;
use store::{ATTACHMENT_CHUNK, Actor, Attachment, StoreError};

use super::Db;
use super::cases::{AttachmentRow, attachment_of, audit, begin, commit, query_error};
use super::keys::Keys;
type Pool = sqlx::Pool<Db>;
type Tx<'a> = sqlx::Transaction<'a, Db>;

/// Adds the row `a` (its texts sealed already) and `bytes`, each chunk sealed with `key`.
pub(crate) async fn add_attachment(
    pool: &Pool,
    key: &Key,
    a: &Attachment,
    bytes: &[u8],
    actor: &Actor,
) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    let done = sqlx::query(
        "insert into attachments (id, case_id, event_id, file_name, media_type, size, sha256, created_at) \
         select $1, $2, id, $4, $5, $6, $7, $8 from events where id = $3 and case_id = $2",
    )
    .bind(&a.id)
    .bind(&a.case_id)
    .bind(&a.event_id)
    .bind(&a.file_name)
    .bind(&a.media_type)
    .bind(a.size)
    .bind(&a.sha256)
    .bind(a.created_at)
    .execute(&mut *tx)
    .await
    .map_err(query_error)?;
    if done.rows_affected() == 1 {
        write_chunks(&mut tx, key, &a.id, bytes).await?;
    }
    audit(&mut tx, &a.case_id, actor, "attachment.add", &a.id).await?;
    commit(tx).await
}

/// Each chunk sealed on its own, bound to its attachment and place: the upload is never copied
/// whole, only one sealed chunk at a time.
async fn write_chunks(
    tx: &mut Tx<'_>,
    key: &Key,
    attachment_id: &str,
    bytes: &[u8],
) -> Result<(), StoreError> {
    for (seq, chunk) in bytes.chunks(ATTACHMENT_CHUNK).enumerate() {
        let sealed = Keys::seal_chunk(key, attachment_id, seq as i64, chunk);
        sqlx::query(
            "insert into attachment_chunks (attachment_id, seq, bytes) values ($1, $2, $3)",
        )
        .bind(attachment_id)
        .bind(seq as i64)
        .bind(sealed)
        .execute(&mut **tx)
        .await
        .map_err(query_error)?;
    }
    Ok(())
}

/// Chunk `seq` of an attachment of `case_id`, still sealed.
pub(crate) async fn chunk(
    pool: &Pool,
    case_id: &str,
    attachment_id: &str,
    seq: i64,
) -> Result<Option<Vec<u8>>, StoreError> {
    let row: Option<(Vec<u8>,)> = sqlx::query_as(
        "select c.bytes from attachment_chunks c join attachments a on a.id = c.attachment_id \
         where a.case_id = $1 and c.attachment_id = $2 and c.seq = $3",
    )
    .bind(case_id)
    .bind(attachment_id)
    .bind(seq)
    .fetch_optional(pool)
    .await
    .map_err(query_error)?;
    Ok(row.map(|(bytes,)| bytes))
}

pub(crate) async fn without_bytes(pool: &Pool) -> Result<Vec<Attachment>, StoreError> {
    let rows: Vec<AttachmentRow> = sqlx::query_as(
        "select id, case_id, event_id, file_name, media_type, size, sha256, created_at \
         from attachments a where not exists \
         (select 1 from attachment_chunks c where c.attachment_id = a.id) order by created_at, id",
    )
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    Ok(rows.into_iter().map(attachment_of).collect())
}

pub(crate) async fn put_bytes(
    pool: &Pool,
    key: &Key,
    a: &Attachment,
    bytes: &[u8],
) -> Result<bool, StoreError> {
    let mut tx = begin(pool).await?;
    let (has,): (i64,) =
        sqlx::query_as("select count(*) from attachment_chunks where attachment_id = $1")
            .bind(&a.id)
            .fetch_one(&mut *tx)
            .await
            .map_err(query_error)?;
    if has > 0 {
        return Ok(false);
    }
    write_chunks(&mut tx, key, &a.id, bytes).await?;
    commit(tx).await?;
    Ok(true)
}
