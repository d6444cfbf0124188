-- The consent of a case's owner to show the case to the organisation's coordinator in a group
-- with other cases against the same school board or samenwerkingsverband. No row: no consent.
-- Withdrawing deletes the row; the audit log keeps when it was given and withdrawn.
create table combine_consents (
    case_id text primary key not null references cases (id) on delete cascade,
    given_at bigint not null,
    given_by text not null
);
