package io.tasklane.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What PostgreSQL was asked during a benchmark, from pg_stat_statements (loaded by the test database):
 * statements per unit of work and the most frequent ones. Time is time inside the server, lock waits
 * and waits for a CPU included, so it points at contention as well as at work.
 */
final class StatementReport {

    private final JdbcClient jdbc;

    private StatementReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Forgets every statement counted so far. */
    static StatementReport start(JdbcClient jdbc) {
        jdbc.sql("create extension if not exists pg_stat_statements").update();
        jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
        return new StatementReport(jdbc);
    }

    /** Forgets what was counted so far, to count another unit of work. */
    void reset() {
        jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
    }

    /** Statements executed since the last reset, and the milliseconds the server spent in them. */
    Totals totals() {
        return jdbc.sql("select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) from pg_stat_statements")
                .query((rs, i) -> new Totals(rs.getLong(1), rs.getDouble(2))).single();
    }

    /** The {@code limit} statements that took the server longest since the last reset, per unit of work. */
    void printSlowest(int units, int limit) {
        jdbc.sql("""
                select calls, total_exec_time as millis, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as text
                from pg_stat_statements order by total_exec_time desc limit ?""").param(limit)
                .query((rs, i) -> String.format("      %5.1f x %7.2f ms  %s", (double) rs.getLong("calls") / units,
                        rs.getDouble("millis") / units, rs.getString("text")))
                .list().forEach(System.out::println);
    }

    /** Statements and the server's milliseconds in them. */
    record Totals(long calls, double millis) {
    }

    void print(int units, String unit) {
        long calls = jdbc.sql("select coalesce(sum(calls), 0) from pg_stat_statements").query(Long.class).single();
        long millis = jdbc.sql("select coalesce(round(sum(total_exec_time)), 0) from pg_stat_statements").query(Long.class).single();
        System.out.printf("  database statements       %8.1f per %s   (%,d in all, %,d ms in the server)%n",
                (double) calls / units, unit, calls, millis);
        System.out.printf("  most frequent:        per %-5s     ms  statement%n", unit);
        jdbc.sql("""
                select calls, round(total_exec_time) as millis, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) as text
                from pg_stat_statements order by calls desc limit ?""").param(Integer.getInteger("bench.statements", 12))
                .query((rs, i) -> String.format("                         %8.1f %7d  %s", (double) rs.getLong("calls") / units,
                        rs.getLong("millis"), rs.getString("text")))
                .list().forEach(System.out::println);
    }
}
