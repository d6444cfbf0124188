-- Failed logins per key (an account's e-mail address or a client's address) in the window that
-- started at the first failure. In the database rather than in memory, so that every process on
-- one database counts the same failures.
create table login_throttle (
    throttle_key text primary key not null,
    window_start integer not null,
    failures integer not null
);
create index login_throttle_window on login_throttle (window_start);
