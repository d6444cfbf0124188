-- The data key of every case, wrapped by the master key. No foreign key to cases, and never in
-- a backup: deleting a case deletes its key in the same transaction, so no copy of it opens.
create table case_keys (
    case_id text primary key not null,
    wrapped bytea not null,
    master_id text not null
);

-- One row: which master key the data keys are wrapped with, and a value sealed with it, so that
-- a server given another key refuses to start.
create table key_check (
    id integer primary key not null,
    master_id text not null,
    sealed text not null
);
