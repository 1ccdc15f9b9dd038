-- Budgets: a project's GPU-hours per calendar month (in its own time zone). Usage is read from usage_period (V8);
-- warned_month and spent_month remember the month ('2026-12') whose warning and exhaustion were already told, so
-- each is told once per month even with several Tasklane instances scanning.
create table project_budget (
    project           varchar(63)      not null primary key references project (name) on delete cascade,
    monthly_gpu_hours double precision not null,
    time_zone         varchar(64)      not null,
    warn_share        double precision not null,
    enforce           boolean          not null,
    warned_month      varchar(7),
    spent_month       varchar(7),
    updated_at        timestamp with time zone not null,
    updated_by        varchar(128)     not null
);
