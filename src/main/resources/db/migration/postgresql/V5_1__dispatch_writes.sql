-- A dispatch pass that admits thousands of runs writes a row per replica and marks each run admitted.
-- Room left on each page of the run table lets PostgreSQL mark a run where its row lies (admitted_at is
-- in no index: a heap-only update) instead of adding an entry to every index of the table.
alter table task_run set (fillfactor = 70);
-- The allocation's reference to its run cost a share lock on each run's row, a third of a large pass.
-- Only the dispatcher writes allocations, for runs it has just read as QUEUED under the cluster's lock,
-- and a run is deleted only with its task, which cannot be deleted while active (the deletion locks
-- the task as a start does); start-up recovery releases any allocation whose run is gone.
alter table allocation drop constraint allocation_run_id_fkey;
