-- The parents' organisation: members with their role, and the help requests parents send it.
-- A member's access to a case comes only from an open help request (see store/src/org.rs).
create table org_members (
    user_id text primary key not null references users (id) on delete cascade,
    role text not null,
    updated_at integer not null,
    updated_by text not null
);

create table help_requests (
    id text primary key not null,
    case_id text not null references cases (id) on delete cascade,
    requested_by text not null references users (id) on delete cascade,
    message text not null,
    level text not null,
    assigned_to text references users (id) on delete set null,
    created_at integer not null,
    assigned_at integer,
    revoked_at integer
);
create index help_requests_case on help_requests (case_id);
create index help_requests_assigned on help_requests (assigned_to);
