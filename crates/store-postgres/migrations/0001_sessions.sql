-- Server-side sessions of visitors without an account: the intake answers, nothing else.
create table sessions (
    id text primary key not null,
    data text not null,
    expires_at bigint not null
);
create index sessions_expires_at on sessions (expires_at);
