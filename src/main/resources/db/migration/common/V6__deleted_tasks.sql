-- A deleted task's history stays readable by its project: keep the project with the deletion.
create table deleted_task (
    task_id    varchar(32)  primary key,
    project    varchar(63)  not null,
    name       varchar(63)  not null,
    deleted_at timestamp with time zone not null,
    deleted_by varchar(128) not null
);
