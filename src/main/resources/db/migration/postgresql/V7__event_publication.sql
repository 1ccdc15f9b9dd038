-- Spring Modulith's event publication registry: an event written with the change that published it, deleted
-- by id once its handler has returned (completion-mode delete). What a crash leaves here is delivered again.
-- The table holds only events not handled yet, so it stays small and needs no index beyond its key.
create table event_publication (
  id               uuid not null primary key,
  listener_id      text not null,
  event_type       text not null,
  serialized_event text not null,
  publication_date timestamp with time zone not null,
  completion_date  timestamp with time zone
);
