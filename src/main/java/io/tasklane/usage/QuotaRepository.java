package io.tasklane.usage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Quotas per project and cluster; what a project holds is the sum of the SKUs of its runs' allocations (each is an
 * open usage period, see {@code V13__open_periods_from_allocation.sql}).
 */
@Repository
class QuotaRepository {

    /** Who holds what now: the allocations with their runs' projects. */
    private static final String HELD = "tasklane.allocation a join tasklane.task_run r on r.id = a.run_id";

    private final JdbcClient jdbc;

    QuotaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void put(String project, String cluster, int maxSkus, Instant at, String by) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        int updated = jdbc.sql("update tasklane.project_quota set max_skus = ?, updated_at = ?, updated_by = ? where project = ? and cluster = ?")
                .params(maxSkus, when, by, project, cluster).update();
        if (updated == 0) {
            jdbc.sql("insert into tasklane.project_quota (project, cluster, max_skus, updated_at, updated_by) values (?, ?, ?, ?, ?)")
                    .params(project, cluster, maxSkus, when, by).update();
        }
    }

    boolean remove(String project, String cluster) {
        return jdbc.sql("delete from tasklane.project_quota where project = ? and cluster = ?").params(project, cluster).update() > 0;
    }

    Map<String, Integer> limitsOn(String cluster) {
        return jdbc.sql("select project, max_skus from tasklane.project_quota where cluster = ?").param(cluster)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** SKUs held now on the cluster, per project. */
    Map<String, Integer> heldOn(String cluster) {
        return jdbc.sql("select r.project, sum(a.skus) from " + HELD + " where a.cluster = ? group by r.project")
                .param(cluster).query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The quotas set on the cluster with what each project holds there now, by project name. */
    List<ProjectQuota> onCluster(String cluster) {
        return jdbc.sql("""
                select q.project, q.max_skus, q.updated_at, q.updated_by,
                       (select coalesce(sum(a.skus), 0) from %s where r.project = q.project and a.cluster = q.cluster) as held
                from tasklane.project_quota q where q.cluster = :cluster order by q.project""".formatted(HELD)).param("cluster", cluster)
                .query((rs, i) -> new ProjectQuota(rs.getString("project"), cluster, rs.getInt("max_skus"), rs.getInt("held"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by")))
                .list();
    }

    /** The project's quotas, and the clusters where it holds SKUs without one, by cluster name. */
    List<ProjectQuota> ofProject(String project) {
        return jdbc.sql("""
                select c.cluster, q.max_skus, q.updated_at, q.updated_by,
                       (select coalesce(sum(a.skus), 0) from %1$s where r.project = :project and a.cluster = c.cluster) as held
                from (select cluster from tasklane.project_quota where project = :project
                      union select a.cluster from %1$s where r.project = :project) c
                left join tasklane.project_quota q on q.project = :project and q.cluster = c.cluster
                order by c.cluster""".formatted(HELD)).param("project", project)
                .query((rs, i) -> new ProjectQuota(project, rs.getString("cluster"), (Integer) rs.getObject("max_skus", Integer.class),
                        rs.getInt("held"), rs.getObject("updated_at", OffsetDateTime.class) == null ? null
                        : rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by")))
                .list();
    }
}
