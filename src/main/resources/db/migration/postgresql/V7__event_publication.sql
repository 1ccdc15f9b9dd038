-- Spring Modulith's event publication registry: an event written with the change that published it, deleted
-- once its listener has handled it (completion-mode delete). What a crash leaves here is delivered again.
create table event_publication (
  id               uuid not null primary key,
  listener_id      text not null,
  event_type       text not null,
  serialized_event text not null,
  publication_date timestamp with time zone not null,
  completion_date  timestamp with time zone
);
-- A completion deletes by listener and event.
create index event_publication_by_event on event_publication using hash (serialized_event);
create index event_publication_by_publication_date on event_publication (publication_date);
