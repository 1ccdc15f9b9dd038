-- Distributed jobs: a task may be a set of roles (master, worker, ps...), each with its replicas and SKUs.
-- A task with roles keeps sku_per_replica (its largest replica) and replicas (its total) filled, so
-- everything that reads a task's size in SQL reads the size of the whole gang.
alter table task add column roles_json text;
alter table task add column framework varchar(16);
alter table task add column success_policy varchar(8);

-- A run keeps the roles it started with (a later edit of the task does not change a run's layout):
-- 'name:replicas:skuPerReplica' per role, comma-separated, in rank order (the chief role first).
-- Its replica indices are global ranks: role after role, in this order.
alter table task_run add column roles varchar(1000);
alter table task_run add column framework varchar(16);
alter table task_run add column success_policy varchar(8);
