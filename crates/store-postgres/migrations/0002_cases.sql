-- Accounts, logins and case files. Ids are random text; times are unix seconds; dates a parent
-- entered are ISO text (YYYY-MM-DD). Deleting a user deletes their cases and everything in them.
create table users (
    id text primary key not null,
    email text not null,
    email_lower text not null unique,
    password_hash text not null,
    totp_secret text,
    created_at bigint not null
);

create table auth_sessions (
    id text primary key not null,
    user_id text not null references users (id) on delete cascade,
    created_at bigint not null,
    expires_at bigint not null
);
create index auth_sessions_user on auth_sessions (user_id);

create table cases (
    id text primary key not null,
    owner_id text not null references users (id) on delete cascade,
    title text not null,
    created_at bigint not null
);
create index cases_owner on cases (owner_id);

create table children (
    id text primary key not null,
    case_id text not null references cases (id) on delete cascade,
    name text not null,
    birth_year bigint,
    school_type text not null,
    school_level text not null
);
create index children_case on children (case_id);

create table parties (
    id text primary key not null,
    case_id text not null references cases (id) on delete cascade,
    name text not null,
    role text not null,
    contact text not null,
    holiday_contact text not null
);
create index parties_case on parties (case_id);

create table answer_versions (
    case_id text not null references cases (id) on delete cascade,
    version bigint not null,
    answers text not null,
    saved_at bigint not null,
    saved_by text not null,
    primary key (case_id, version)
);

create table events (
    id text primary key not null,
    case_id text not null references cases (id) on delete cascade,
    kind text not null,
    date text not null,
    title text not null,
    notes text not null,
    parties text not null,
    version bigint not null,
    created_by text not null,
    updated_at bigint not null
);
create index events_case on events (case_id, date);

create table attachments (
    id text primary key not null,
    case_id text not null references cases (id) on delete cascade,
    event_id text not null references events (id) on delete cascade,
    file_name text not null,
    media_type text not null,
    size bigint not null,
    sha256 text not null,
    created_at bigint not null
);
create index attachments_case on attachments (case_id);

create table step_outcomes (
    case_id text not null references cases (id) on delete cascade,
    step_id text not null,
    outcome text not null,
    date text,
    updated_at bigint not null,
    primary key (case_id, step_id)
);

create table shares (
    id text primary key not null,
    case_id text not null references cases (id) on delete cascade,
    email text not null,
    role text not null,
    user_id text references users (id) on delete cascade,
    token text not null unique,
    created_at bigint not null,
    expires_at bigint,
    revoked_at bigint
);
create index shares_case on shares (case_id);
create index shares_user on shares (user_id);

-- Append-only: rows go when their case goes, and are never changed.
create table audit_log (
    id bigint generated always as identity primary key,
    case_id text not null references cases (id) on delete cascade,
    at bigint not null,
    actor_id text not null,
    action text not null,
    subject text not null
);
create index audit_log_case on audit_log (case_id, id);
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end;
$$;
create trigger audit_log_append_only before update on audit_log
    for each row execute function audit_log_append_only();
