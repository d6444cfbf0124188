-- Password-reset tokens, by their SHA-256 hash; used once, valid for an hour.
create table password_resets (
    token_hash text primary key not null,
    user_id text not null references users (id) on delete cascade,
    expires_at bigint not null
);
