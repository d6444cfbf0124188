-- One row once every value an older version stored in plain has been sealed, so that later
-- starts do not scan the case tables again.
create table sealing_done (
    id integer primary key not null,
    at bigint not null
);
