-- A dispatch pass reads a cluster's waiting runs in queue order and stops once nothing more can start:
-- this index hands them over in that order, so a pass over a long queue on a busy cluster reads a few rows.
create index task_run_queue_order on task_run (cluster, state, priority desc, queued_at, id);
-- The pinned task (one per queue at most) is found without scanning a cluster's tasks.
create index task_pinned on task (pinned);
-- The queue order index starts with the same columns: the older queue index only made every write slower.
drop index task_run_queue;
