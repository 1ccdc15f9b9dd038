-- Quotas: the most SKUs a project may hold at once on a cluster. What a project holds is the sum of its open
-- usage periods (V8), which change with the allocations in the same transactions.
create table project_quota (
    project    varchar(63)  not null references project (name) on delete cascade,
    cluster    varchar(63)  not null references virtual_cluster (name) on delete cascade,
    max_skus   integer      not null,
    updated_at timestamp with time zone not null,
    updated_by varchar(128) not null,
    primary key (project, cluster)
);
create index project_quota_by_cluster on project_quota (cluster);

-- A run carries its task's project, so a dispatch pass reads it with the queue in one index-ordered scan.
alter table task_run add column project varchar(63);
update task_run set project = (select t.project from task t where t.id = task_run.task_id);

-- What a project holds on a cluster: its open periods.
create index usage_period_open on usage_period (cluster, held_to);
