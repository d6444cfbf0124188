-- The coordinator's inbox pages through the open help requests, newest first: without this
-- index every page read all requests ever made.
create index help_requests_open on help_requests (created_at desc, id) where revoked_at is null;
