-- Personal access tokens of the JSON API; only the SHA-256 hash of the secret is kept.
-- A token reads or writes (scope). A revoked token stops at once and stays listed, so the
-- account page can show it ended; deleting the account deletes its tokens.
create table api_tokens (
    id text primary key not null,
    user_id text not null references users (id) on delete cascade,
    name text not null,
    scope text not null check (scope in ('read', 'write')),
    token_hash text not null unique,
    created_at integer not null,
    revoked_at integer
);
create index api_tokens_user on api_tokens (user_id);
