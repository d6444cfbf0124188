-- The advice each case was shown and recorded, with the content version it was given on.
create table advice_seen (
    case_id text not null references cases (id) on delete cascade,
    seq bigint not null,
    content_version text not null,
    summary text not null,
    seen_at bigint not null,
    seen_by text not null,
    primary key (case_id, seq)
);
