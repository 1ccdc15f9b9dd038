package io.tasklane.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What PostgreSQL was asked during a benchmark, from pg_stat_statements (loaded by the test database):
 * statements per unit of work and the ones that took the most time. Time here is time inside the
 * server, lock waits included, so it points at contention as well as at work.
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

    void print(int units, String unit) {
        long calls = jdbc.sql("select coalesce(sum(calls), 0) from pg_stat_statements").query(Long.class).single();
        long millis = jdbc.sql("select coalesce(round(sum(total_exec_time)), 0) from pg_stat_statements").query(Long.class).single();
        System.out.printf("  database statements       %8.1f per %s   (%,d in all, %,d ms in the server)%n",
                (double) calls / units, unit, calls, millis);
        System.out.println("  most time in the server:  calls      ms  statement");
        jdbc.sql("""
                select calls, round(total_exec_time) as millis, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) as text
                from pg_stat_statements order by total_exec_time desc limit 8""")
                .query((rs, i) -> String.format("                         %8d %7d  %s", rs.getLong("calls"), rs.getLong("millis"), rs.getString("text")))
                .list().forEach(System.out::println);
    }
}
