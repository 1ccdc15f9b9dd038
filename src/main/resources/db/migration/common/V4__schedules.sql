-- Schedules of tasks, and what a run needs to change its replica count while it runs.

-- At most one schedule per task. Local date-times and times of day are kept as ISO-8601 text: they
-- mean a wall-clock reading in time_zone, and no database type keeps that without converting it.
create table task_schedule (
    task_id      varchar(32)  primary key references task (id) on delete cascade,
    type         varchar(16)  not null,
    time_zone    varchar(64)  not null,
    fire_at      varchar(19),
    start_date   varchar(10),
    -- DAILY windows, "HH:MM min max" separated by ";", in time order
    windows      varchar(2000),
    active       boolean      not null,
    -- the fire time of the last fire handled: a fire at or before it is never handled again
    last_fire_at timestamp with time zone,
    updated_by   varchar(128) not null,
    updated_at   timestamp with time zone not null
);

-- The lower replica bound a runtime with an autoscaler may go down to (null: as many as replicas).
alter table task_run add column min_replicas integer;
-- The replica range a daily window asked for, until the run's process applies it.
alter table task_run add column target_min_replicas integer;
alter table task_run add column target_max_replicas integer;
-- A grow waiting for GPUs: the replica count asked for, and since when it waits in the queue.
alter table task_run add column grow_to integer;
alter table task_run add column grow_requested_at timestamp with time zone;
-- Set when a waiting grow got its GPUs or was withdrawn: the run's process may deploy what was added.
alter table task_run add column grow_settled_at timestamp with time zone;
create index task_run_growing on task_run (cluster, grow_to);
