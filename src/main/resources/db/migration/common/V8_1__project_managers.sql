-- A project member is a MEMBER or a MANAGER: managers see the whole project's usage and manage its members.
alter table project_member add column role varchar(16) default 'MEMBER' not null;
