-- Spring Modulith's event publication registry: an event written with the change that published it, deleted
-- once its listener has handled it (completion-mode delete). What a crash leaves here is delivered again.
create table event_publication (
  id               uuid not null primary key,
  completion_date  timestamp(9) with time zone,
  event_type       varchar(512) not null,
  listener_id      varchar(512) not null,
  publication_date timestamp(9) with time zone not null,
  serialized_event varchar(4000) not null
);
create index event_publication_by_listener_and_event on event_publication (listener_id, serialized_event);
create index event_publication_by_publication_date on event_publication (publication_date);
