-- An open usage period is the allocation row itself (issue 17); usage_period keeps only closed periods.
-- V8 wrote a period row with every allocation row, and a dispatch pass admitting 3,000 runs spent most of its time
-- writing them (joins and three indexes per row). Now the dispatcher writes what an open period needs that cannot
-- be read elsewhere at release (from when, how many SKUs and GPUs) into the allocation row it writes anyway, and a
-- release writes the closed period in the same transaction that deletes the allocation rows (a release, a shrink,
-- a deleted task's clean-up, recovery's release of an ended run). A crash loses nothing (the allocation row is
-- the open period until the release that recovery makes), and nothing is counted twice (one open period per
-- allocation row, one closed row per release: the release locks the rows it closes before it deletes them).
-- Task, project and user of an open period come from its run and task, which exist as long as the allocation
-- does; a closed period copies them, so a deleted task's use stays accounted.
alter table allocation add column held_from timestamp with time zone;
alter table allocation add column skus integer;
alter table allocation add column gpus integer;

-- An allocation keeps what its open period said; one without a period (none should be) counts from its run's
-- admission, or from now, with the SKUs of its slots.
update allocation set
    held_from = coalesce(
        (select max(u.held_from) from usage_period u
         where u.run_id = allocation.run_id and u.replica_index = allocation.replica_index and u.held_to is null),
        (select r.admitted_at from task_run r where r.id = allocation.run_id),
        current_timestamp),
    skus = coalesce(
        (select max(u.skus) from usage_period u
         where u.run_id = allocation.run_id and u.replica_index = allocation.replica_index and u.held_to is null),
        case when slots = '' then 0 else length(slots) - length(replace(slots, ',', '')) + 1 end);
update allocation set gpus = coalesce(
    (select max(u.gpus) from usage_period u
     where u.run_id = allocation.run_id and u.replica_index = allocation.replica_index and u.held_to is null),
    skus * (select c.sku_gpus from virtual_cluster c where c.name = allocation.cluster),
    0);
alter table allocation alter column held_from set not null;
alter table allocation alter column skus set not null;
alter table allocation alter column gpus set not null;

-- The open periods are now their allocation rows. An open period without one (none should be: both were changed in
-- one transaction) held nothing any more; it ends when its run ended, as a deleted task's open period always has.
delete from usage_period where held_to is null and exists
    (select 1 from allocation a where a.run_id = usage_period.run_id and a.replica_index = usage_period.replica_index);
update usage_period set held_to = coalesce(
    (select r.finished_at from task_run r where r.id = usage_period.run_id), held_from)
where held_to is null;

-- What a project holds now is read from allocation (by cluster: allocation_by_cluster); no period is open any more.
drop index usage_period_open;

-- Every period, closed and open, for readers of usage over time (reports, a run's GPU-hours, the GPU-hours metric).
create view usage_hold as
select run_id, replica_index, task_id, task_name, project, user_id, cluster, node, skus, gpus, held_from, held_to
from tasklane.usage_period
union all
select a.run_id, a.replica_index, r.task_id, t.name, t.project, r.requested_by, a.cluster, a.node, a.skus, a.gpus, a.held_from,
       cast(null as timestamp with time zone)
from tasklane.allocation a
join tasklane.task_run r on r.id = a.run_id
join tasklane.task t on t.id = r.task_id;
