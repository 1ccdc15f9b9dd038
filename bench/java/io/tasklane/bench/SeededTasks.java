package io.tasklane.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many tasks written straight into PostgreSQL for the benchmarks that measure reading them: {@code generate_series}
 * writes the rows in one statement, since what is measured is the read path, not the seeding. Every task is a
 * one-replica JOB of project demo (vision for every tenth), created by alice (admin for every third) a second apart,
 * tagged {@code team-0}..{@code team-19}; the caller says, as SQL expressions of the row number {@code i}, what
 * differs between benchmarks.
 */
record SeededTasks(String idPrefix, String namePrefix, String cluster, String skuPerReplica, String state, String archived) {

    /** Every task CREATED on cluster local, one SKU per replica; {@code archived} an expression of {@code i}. */
    static SeededTasks created(String idPrefix, String namePrefix, String archived) {
        return new SeededTasks(idPrefix, namePrefix, "'local'", "1", "'CREATED'", archived);
    }

    /** Writes {@code count} tasks (ids {@code idPrefix} + 11 digits) into an emptied task table; {@link #tag} tags them. */
    void insert(JdbcClient jdbc, int count) {
        io.tasklane.support.Database.deleteAllTasks(jdbc);
        jdbc.sql("""
                insert into tasklane.task (id, name, project, kind, image, command_json, cluster, sku_per_replica,
                  replicas, ports_json, env_json, storages_json, priority, active_deadline_seconds, state, pinned,
                  creator, created_at, updated_at, archived, version)
                select '%s' || lpad(i::text, 11, '0'), '%s' || i, case when i %% 10 = 0 then 'vision' else 'demo' end,
                  'JOB', 'python:3.12', '["python","run.py"]', %s, %s, 1, '[]', '{}', '[]', i %% 100, 432000, %s, false,
                  case when i %% 3 = 0 then 'admin' else 'alice' end,
                  now() - (i || ' seconds')::interval, now() - (i || ' seconds')::interval, %s, 0
                from generate_series(1, :n) as s(i)""".formatted(idPrefix, namePrefix, cluster, skuPerReplica, state, archived))
                .param("n", count).update();
    }

    /** Tags every task {@code team-0}..{@code team-19}. */
    static void tag(JdbcClient jdbc) {
        jdbc.sql("insert into tasklane.task_tag (task_id, tag) select id, 'team-' || (substr(id, 9)::int % 20) from tasklane.task")
                .update();
    }
}
