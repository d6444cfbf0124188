-- The bytes of attachments live in the database beside their rows, so that a backup holds them
-- and every server on one database sees them.
create table attachment_chunks (
    attachment_id text not null references attachments (id) on delete cascade,
    seq bigint not null,
    bytes bytea not null,
    primary key (attachment_id, seq)
);
