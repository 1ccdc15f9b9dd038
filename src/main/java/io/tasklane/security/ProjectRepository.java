package io.tasklane.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProjectRepository {

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String name) {
        return jdbc.sql("select count(*) from tasklane.project where name = ?").param(name)
                .query(Long.class).single() > 0;
    }

    /** Inserts the project; false if one of that name already exists. */
    boolean insertIfAbsent(Project project) {
        return jdbc.sql("""
                insert into tasklane.project (name, description, created_at)
                select ?, ?, ? where not exists (select 1 from tasklane.project where name = ?)""")
                .params(project.name(), project.description(),
                        OffsetDateTime.ofInstant(project.createdAt(), ZoneOffset.UTC), project.name())
                .update() == 1;
    }

    Optional<Project> findByName(String name) {
        return jdbc.sql("select * from tasklane.project where name = ?").param(name).query(this::map).optional();
    }

    List<Project> findAll() {
        return jdbc.sql("select * from tasklane.project order by name").query(this::map).list();
    }

    /** The projects {@code userId} is a member of, by name. */
    List<Project> findByMember(String userId) {
        return jdbc.sql("""
                select p.* from tasklane.project p
                join tasklane.project_member m on m.project_name = p.name
                where m.user_id = ? order by p.name""").param(userId).query(this::map).list();
    }

    boolean isMember(String project, String userId) {
        return jdbc.sql("select count(*) from tasklane.project_member where project_name = ? and user_id = ?")
                .params(project, userId).query(Long.class).single() > 0;
    }

    List<String> members(String project) {
        return jdbc.sql("select user_id from tasklane.project_member where project_name = ? order by user_id")
                .param(project).query(String.class).list();
    }

    /** The member's role, if {@code userId} is a member of {@code project}. */
    Optional<ProjectRole> roleOf(String project, String userId) {
        return jdbc.sql("select role from tasklane.project_member where project_name = ? and user_id = ?")
                .params(project, userId).query((rs, i) -> ProjectRole.valueOf(rs.getString(1))).optional();
    }

    List<Membership> memberships(String project) {
        return jdbc.sql("select user_id, role from tasklane.project_member where project_name = ? order by user_id")
                .param(project).query((rs, i) -> new Membership(rs.getString(1), ProjectRole.valueOf(rs.getString(2)))).list();
    }

    /** The names of the projects {@code userId} manages. */
    List<String> managedBy(String userId) {
        return jdbc.sql("select project_name from tasklane.project_member where user_id = ? and role = 'MANAGER' order by project_name")
                .param(userId).query(String.class).list();
    }

    void addMember(String project, String userId) {
        jdbc.sql("""
                insert into tasklane.project_member (project_name, user_id)
                select ?, ? where not exists
                  (select 1 from tasklane.project_member where project_name = ? and user_id = ?)""")
                .params(project, userId, project, userId).update();
    }

    /** Makes {@code userId} a member with {@code role}, or gives an existing member that role. */
    void putMember(String project, String userId, ProjectRole role) {
        addMember(project, userId);
        jdbc.sql("update tasklane.project_member set role = ? where project_name = ? and user_id = ?")
                .params(role.name(), project, userId).update();
    }

    void removeMember(String project, String userId) {
        jdbc.sql("delete from tasklane.project_member where project_name = ? and user_id = ?")
                .params(project, userId).update();
    }

    private Project map(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getString("name"), rs.getString("description"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
