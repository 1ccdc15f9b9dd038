package io.tasklane.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What must hold for a cluster at every moment ({@link #atAnyTime}) and once everything has ended
 * ({@link #afterEverythingEnded}), read from the database, which is Tasklane's memory. Each check returns
 * one line per violation; empty means it holds.
 */
public final class ClusterInvariants {

    private static final String FINAL = "('STOPPED', 'KILLED', 'FAILED', 'SUCCEEDED')";

    private final JdbcClient jdbc;
    private final String cluster;

    public ClusterInvariants(JdbcClient jdbc, String cluster) {
        this.jdbc = jdbc;
        this.cluster = cluster;
    }

    /** No SKU slot held twice, no node over its capacity, no GPUs held by an ended run, one pinned task at most. */
    public List<String> atAnyTime() {
        List<String> found = new ArrayList<>();
        jdbc.sql("""
                select a.node, s.slot, count(*) as holders from tasklane.allocation a
                cross join lateral unnest(string_to_array(a.slots, ',')) as s(slot)
                where a.cluster = :cluster group by a.node, s.slot having count(*) > 1""")
                .param("cluster", cluster)
                .query((rs, i) -> "slot " + rs.getString("slot") + " of node " + rs.getString("node") + " is held by "
                        + rs.getInt("holders") + " runs").list().forEach(found::add);
        jdbc.sql("""
                select a.node, sum(cardinality(string_to_array(a.slots, ','))) as held, n.capacity_skus
                from tasklane.allocation a join tasklane.cluster_node n on n.cluster_name = a.cluster and n.name = a.node
                where a.cluster = :cluster group by a.node, n.capacity_skus having sum(cardinality(string_to_array(a.slots, ','))) > n.capacity_skus""")
                .param("cluster", cluster)
                .query((rs, i) -> "node " + rs.getString("node") + " holds " + rs.getInt("held") + " of " + rs.getInt("capacity_skus"))
                .list().forEach(found::add);
        jdbc.sql("select a.run_id, r.state from tasklane.allocation a join tasklane.task_run r on r.id = a.run_id"
                        + " where a.cluster = :cluster and r.state in " + FINAL)
                .param("cluster", cluster)
                .query((rs, i) -> "run " + rs.getString(1) + " is " + rs.getString(2) + " but holds GPUs").list().forEach(found::add);
        jdbc.sql("select count(*) from tasklane.task where cluster = :cluster and pinned").param("cluster", cluster)
                .query(Long.class).optional().filter(n -> n > 1).ifPresent(n -> found.add(n + " pinned tasks in one queue"));
        return found;
    }

    /** Every run ended with its process; nothing is held, nothing runs; every kill and every pin was honoured. */
    public List<String> afterEverythingEnded() {
        List<String> found = new ArrayList<>(atAnyTime());
        jdbc.sql("select id, state from tasklane.task_run where cluster = :cluster and state not in " + FINAL)
                .param("cluster", cluster)
                .query((rs, i) -> "run " + rs.getString(1) + " is still " + rs.getString(2)).list().forEach(found::add);
        jdbc.sql("""
                select r.id from tasklane.task_run r join act_ru_execution e on e.proc_inst_id_ = r.process_instance_id
                where r.cluster = :cluster and e.parent_id_ is null""")
                .param("cluster", cluster)
                .query((rs, i) -> "run " + rs.getString(1) + " ended but its process still runs").list().forEach(found::add);
        jdbc.sql("""
                select r.id, i.incident_msg_ from tasklane.task_run r join act_ru_incident i on i.proc_inst_id_ = r.process_instance_id
                where r.cluster = :cluster""")
                .param("cluster", cluster)
                .query((rs, i) -> "run " + rs.getString(1) + " has an incident: " + rs.getString(2)).list().forEach(found::add);
        jdbc.sql("select count(*) from tasklane.allocation where cluster = :cluster").param("cluster", cluster)
                .query(Long.class).optional().filter(n -> n > 0).ifPresent(n -> found.add(n + " allocation(s) left"));
        jdbc.sql("""
                select i.run_id, i.replica_index, i.state from tasklane.run_instance i join tasklane.task_run r on r.id = i.run_id
                where r.cluster = :cluster and i.state not in ('EXITED', 'FAILED', 'STOPPED', 'LOST')""")
                .param("cluster", cluster)
                .query((rs, i) -> "replica " + rs.getInt(2) + " of run " + rs.getString(1) + " is still " + rs.getString(3))
                .list().forEach(found::add);
        found.addAll(killsWithoutConfirmedPlan());
        found.addAll(pinsPassed());
        return found;
    }

    /** A KILLED run must be a victim of a force-start an admin confirmed, and its reason names the task and admin. */
    public List<String> killsWithoutConfirmedPlan() {
        return jdbc.sql("""
                select r.id, r.reason,
                       (select string_agg('killed to force-start ' || t.name || ' by ' || f.decided_by, ' | ')
                        from tasklane.force_start_victim v join tasklane.force_start f on f.id = v.force_start_id
                        join tasklane.task t on t.id = f.task_id
                        where v.run_id = r.id and f.decided_by is not null
                          and f.state not in ('PLANNING', 'AWAITING_CONFIRMATION', 'IMPOSSIBLE', 'REJECTED')) as confirmed
                from tasklane.task_run r where r.cluster = :cluster and r.state = 'KILLED'""")
                .param("cluster", cluster)
                .query((rs, i) -> {
                    String confirmed = rs.getString("confirmed");
                    String reason = rs.getString("reason");
                    if (confirmed == null) {
                        return "run " + rs.getString("id") + " was KILLED without a confirmed plan naming it (reason: " + reason + ")";
                    }
                    return List.of(confirmed.split(" \\| ")).contains(reason) ? null
                            : "run " + rs.getString("id") + " was killed with reason '" + reason + "', its plans say: " + confirmed;
                })
                .list().stream().filter(v -> v != null).toList();
    }

    /**
     * While a task is pinned, no other run of its cluster is admitted: from its PINNED event to the end of the
     * pin (its run admitted, UNPINNED, or the task leaving the queue), no run of another task got GPUs. Runs
     * admitted behind the pinned one in the same pass are not before it. A pin of a run a pass had admitted
     * already (the task is QUEUED until its GPUs are allocated) holds nothing back: it ends as the task starts.
     */
    public List<String> pinsPassed() {
        return jdbc.sql("""
                select p.task_id, p.occurred_at as pinned_at, r.id as passed_by, r.admitted_at
                from tasklane.task_event p join tasklane.task t on t.id = p.task_id
                join tasklane.task_run r on r.cluster = t.cluster and r.task_id <> p.task_id and r.admitted_at > p.occurred_at
                where t.cluster = :cluster and p.event_type = 'PINNED'
                  and not exists (select 1 from tasklane.task_run own where own.task_id = p.task_id
                        and own.admitted_at <= p.occurred_at and (own.finished_at is null or own.finished_at >= p.occurred_at))
                  and r.admitted_at < coalesce(least(
                        (select min(e.occurred_at) from tasklane.task_event e
                         where e.task_id = p.task_id and e.id > p.id
                           and (e.event_type = 'UNPINNED' or (e.event_type = 'STATE_CHANGED' and e.from_state = 'QUEUED'))),
                        (select min(own.admitted_at) from tasklane.task_run own
                         where own.task_id = p.task_id and own.admitted_at > p.occurred_at)),
                        now())""")
                .param("cluster", cluster)
                .query((rs, i) -> "task " + rs.getString("task_id") + " pinned at " + rs.getString("pinned_at") + " was passed by run "
                        + rs.getString("passed_by") + " admitted at " + rs.getString("admitted_at"))
                .list();
    }
}
