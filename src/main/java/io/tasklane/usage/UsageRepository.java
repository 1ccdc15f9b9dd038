package io.tasklane.usage;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the holding periods from the view {@code usage_hold}: the closed ones that {@code capacity/AllocationRepository}
 * writes with each release, and the open ones, which are the allocation rows themselves.
 */
@Repository
class UsageRepository {

    private final JdbcClient jdbc;

    UsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The periods that overlap the query's window and match its filters, limited to those of {@code ownUser} or of
     * the projects in {@code managedProjects} unless {@code everything} (an admin).
     */
    List<UsagePeriod> overlapping(UsageQuery query, boolean everything, String ownUser, Set<String> managedProjects) {
        StringBuilder sql = new StringBuilder("""
                select run_id, replica_index, task_id, task_name, project, user_id, cluster, node, skus, gpus, held_from, held_to
                from tasklane.usage_hold where held_from < :to and (held_to is null or held_to > :from)""");
        var statement = new java.util.LinkedHashMap<String, Object>();
        statement.put("from", utc(query.from()));
        statement.put("to", utc(query.to()));
        if (!everything) {
            sql.append(managedProjects.isEmpty() ? " and user_id = :me" : " and (user_id = :me or project in (:managed))");
            statement.put("me", ownUser);
            if (!managedProjects.isEmpty()) {
                statement.put("managed", managedProjects);
            }
        }
        filter(sql, statement, "project", query.project());
        filter(sql, statement, "user_id", query.user());
        filter(sql, statement, "cluster", query.cluster());
        return jdbc.sql(sql.toString()).params(statement).query((rs, i) -> new UsagePeriod(rs.getString("run_id"), rs.getInt("replica_index"),
                rs.getString("task_id"), rs.getString("task_name"), rs.getString("project"), rs.getString("user_id"), rs.getString("cluster"),
                rs.getString("node"), rs.getInt("skus"), rs.getInt("gpus"), rs.getObject("held_from", OffsetDateTime.class).toInstant(),
                rs.getObject("held_to", OffsetDateTime.class) == null ? null : rs.getObject("held_to", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static void filter(StringBuilder sql, java.util.Map<String, Object> statement, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(column);
            statement.put(column, value);
        }
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
