package io.tasklane.queue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.task.TaskEventLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes what quotas did in a dispatch pass where people read it: a run held back by its project's quota shows
 * why as its reason while it waits ({@code QuotaExceeded: ...}); a pinned run admitted over its quota says so in
 * its task's history.
 */
@Component
class QuotaNotes {

    static final String PREFIX = "QuotaExceeded:";

    private final JdbcClient jdbc;
    private final TaskEventLog history;

    QuotaNotes(JdbcClient jdbc, TaskEventLog history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    void record(ClusterName cluster, Admission admission, boolean clusterHasQuotas, Instant at) {
        Map<RunId, String> waits = admission.quotaWaits();
        if (clusterHasQuotas || !waits.isEmpty()) {
            clearStale(cluster, waits.keySet().stream().map(RunId::value).toList());
        }
        waits.forEach((run, why) -> jdbc.sql("""
                update tasklane.task_run set reason = ? where id = ? and state = 'QUEUED' and admitted_at is null
                and (reason is null or reason <> ?)""").params(why, run.value(), why).update());
        admission.overQuota().forEach((admitted, why) -> history.append(admitted.entry().taskId(), at, "tasklane", "OVER_QUOTA", null, null,
                "admitted as the pinned task although its project is at its quota (" + why.substring(PREFIX.length()).trim() + ")"));
    }

    /** Runs of the cluster that no longer wait for a quota stop saying so. */
    void clearStale(ClusterName cluster, List<String> stillWaiting) {
        String keep = stillWaiting.isEmpty() ? "" : " and id not in (:keep)";
        var update = jdbc.sql("update tasklane.task_run set reason = null where cluster = :cluster and state = 'QUEUED'"
                + " and admitted_at is null and reason like :prefix" + keep).param("cluster", cluster.value()).param("prefix", PREFIX + "%");
        (stillWaiting.isEmpty() ? update : update.param("keep", stillWaiting)).update();
    }
}
