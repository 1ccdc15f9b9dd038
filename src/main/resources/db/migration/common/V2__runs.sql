-- Runs of tasks, the GPUs they hold, and their replicas (instances).

alter table virtual_cluster add column runtime varchar(16) default 'local' not null;

alter table task add column current_run_id varchar(32);

create table task_run (
    id                  varchar(32)  primary key,
    task_id             varchar(32)  not null references task (id),
    cluster             varchar(63)  not null,
    kind                varchar(16)  not null,
    replicas            integer      not null,
    sku_per_replica     integer      not null,
    priority            integer      not null,
    state               varchar(16)  not null,
    reason              varchar(2000),
    requested_by        varchar(128) not null,
    process_instance_id varchar(64),
    queued_at           timestamp with time zone not null,
    admitted_at         timestamp with time zone,
    started_at          timestamp with time zone,
    finished_at         timestamp with time zone,
    deadline_at         timestamp with time zone,
    endpoint            varchar(512),
    -- set when a person asks the run to stop; the request is delivered to the process until it stops
    stop_requested_at   timestamp with time zone,
    version             bigint       not null
);
create index task_run_by_task on task_run (task_id, queued_at);
-- The queue of a cluster: its runs waiting for GPUs, in submit order.
create index task_run_queue on task_run (cluster, state, queued_at);
create index task_run_by_state on task_run (state);

-- One row per replica of an admitted run: which SKU slots of which node it holds. Written only by
-- the dispatcher while it holds the cluster's row lock, so a node is never over-allocated.
create table allocation (
    run_id        varchar(32)  not null references task_run (id),
    replica_index integer      not null,
    cluster       varchar(63)  not null,
    node          varchar(253) not null,
    slots         varchar(1000) not null,
    gpu_indices   varchar(1000) not null,
    primary key (run_id, replica_index)
);
create index allocation_by_cluster on allocation (cluster, node);

create table run_instance (
    run_id        varchar(32)  not null references task_run (id),
    replica_index integer      not null,
    node          varchar(253) not null,
    gpu_indices   varchar(1000) not null,
    state         varchar(16)  not null,
    pid           bigint,
    port          integer,
    launched_at   timestamp with time zone,
    ready_at      timestamp with time zone,
    finished_at   timestamp with time zone,
    exit_code     integer,
    message       varchar(2000),
    log_path      varchar(1024),
    primary key (run_id, replica_index)
);
