-- Spring Modulith's event publication registry: an event written with the change that published it, deleted
-- by id once its handler has returned (completion-mode delete). What a crash leaves here is delivered again.
-- The table holds only events not handled yet, so it stays small and needs no index beyond its key.
create table event_publication (
  id               uuid not null primary key,
  completion_date  timestamp(9) with time zone,
  event_type       varchar(512) not null,
  listener_id      varchar(512) not null,
  publication_date timestamp(9) with time zone not null,
  serialized_event character varying not null
);
