-- The admins' levers: pin a queued task to the head of its queue, force-start it by killing runs.

-- A kill (to make room for a force-start) is a stop that ends in KILLED; the sweep redelivers either.
alter table task_run add column kill_requested boolean default false not null;

-- Someone asked to pin a queued task; admins review it (an admin's own request pins at once).
create table pin_request (
    id            varchar(32)   primary key,
    task_id       varchar(32)   not null references task (id) on delete cascade,
    run_id        varchar(32)   not null,
    cluster       varchar(63)   not null,
    requested_by  varchar(128)  not null,
    reason        varchar(2000),
    -- PENDING, PINNED, REJECTED, REFUSED (approved but could not pin: the outcome says why)
    state         varchar(16)   not null,
    outcome       varchar(2000),
    decided_by    varchar(128),
    comment       varchar(2000),
    requested_at  timestamp with time zone not null,
    decided_at    timestamp with time zone
);
create index pin_request_by_task on pin_request (task_id, state);

-- An admin's force-start of a cluster's pinned task, and the runs its plan kills.
create table force_start (
    id            varchar(32)   primary key,
    task_id       varchar(32)   not null references task (id) on delete cascade,
    run_id        varchar(32)   not null,
    cluster       varchar(63)   not null,
    requested_by  varchar(128)  not null,
    -- PLANNING, AWAITING_CONFIRMATION, KILLING, STARTED, IMPOSSIBLE, REJECTED, ABANDONED
    state         varchar(24)   not null,
    outcome       varchar(2000),
    decided_by    varchar(128),
    requested_at  timestamp with time zone not null,
    decided_at    timestamp with time zone,
    finished_at   timestamp with time zone
);
create index force_start_by_cluster on force_start (cluster, state);
create index force_start_by_task on force_start (task_id, state);

create table force_start_victim (
    force_start_id varchar(32)  not null references force_start (id) on delete cascade,
    position       integer      not null,
    run_id         varchar(32)  not null,
    task_id        varchar(32)  not null,
    task_name      varchar(253) not null,
    owner          varchar(128) not null,
    project        varchar(63)  not null,
    priority       integer      not null,
    skus           integer      not null,
    gpus           integer      not null,
    nodes          varchar(2000) not null,
    running_since  timestamp with time zone,
    primary key (force_start_id, position)
);
