-- The console's Tasks page counts every tab in one query grouped by state and archived (TaskRepository.count).
-- These indexes hold exactly what it reads, for everyone (admins) and per project (members), so PostgreSQL can
-- count from the index instead of the table.
create index task_by_archived_state on task (archived, state);
create index task_by_project_archived_state on task (project, archived, state);
