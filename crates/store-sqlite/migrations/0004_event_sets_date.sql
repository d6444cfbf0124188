-- An event's date can answer a date question of the intake (a decision starts its deadlines).
alter table events add column sets_date text not null default '';
