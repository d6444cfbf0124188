-- Second-factor recovery codes, by their SHA-256 hash (with the account id); each works once.
create table recovery_codes (
    user_id text not null references users (id) on delete cascade,
    code_hash text not null,
    primary key (user_id, code_hash)
);
