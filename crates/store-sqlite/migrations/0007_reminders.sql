-- Deadline reminders and the calendar feed of an advocate.

-- A secret calendar-feed address of an account; only the SHA-256 hash of the secret is kept.
-- A revoked feed stops at once and stays listed, so the account page can show it ended.
create table feed_tokens (
    id text primary key not null,
    user_id text not null references users (id) on delete cascade,
    token_hash text not null unique,
    created_at integer not null,
    revoked_at integer
);
create index feed_tokens_user on feed_tokens (user_id);

-- A case whose owner asked for reminder mails. No row: no mails to the owner.
create table reminder_optins (
    case_id text primary key not null references cases (id) on delete cascade,
    updated_at integer not null
);

-- Every reminder mail that went out, once: the key stops a second mail for the same deadline,
-- recipient and lead time, also when two servers run the reminders at the same moment.
create table reminders_sent (
    case_id text not null references cases (id) on delete cascade,
    term_id text not null,
    deadline text not null,
    user_id text not null references users (id) on delete cascade,
    lead_days integer not null,
    sent_at integer not null,
    primary key (case_id, term_id, deadline, user_id, lead_days)
);
