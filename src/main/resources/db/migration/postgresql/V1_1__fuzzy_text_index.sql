-- Trigram indexes let "text" (a substring of name or id) use an index at 100,000+ tasks.
create extension if not exists pg_trgm;
create index task_name_trgm on task using gin (lower(name) gin_trgm_ops);
create index task_id_trgm on task using gin (id gin_trgm_ops);
