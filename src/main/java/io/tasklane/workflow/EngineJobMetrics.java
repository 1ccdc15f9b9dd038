package io.tasklane.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's job executor as Prometheus sees it: the jobs due and not yet taken (a backlog that grows when the
 * executor cannot keep up), the jobs being executed (locked), the timers waiting for their time, and the jobs that
 * failed with no retries left (each an incident someone must look at in Cockpit).
 *
 * <p>Read from the engine's job table rather than from the engine's in-memory metrics: those are cleared each time
 * the engine writes them to its meter log, so they would not be counters, and they would count this instance only.
 * One query serves every gauge for {@link #FRESH_FOR}. (The executor's thread pool is Spring's, measured by Spring
 * Boot as {@code executor_*} with {@code name="camundaTaskExecutor"}.)
 */
@Component
class EngineJobMetrics implements MeterBinder {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Jobs jobs = new Jobs(Instant.EPOCH, 0, 0, 0, 0);

    EngineJobMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The engine's jobs at one moment, by what they wait for. */
    record Jobs(Instant at, long due, long locked, long timersWaiting, long failed) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tasklane.engine.jobs.due", this, m -> m.current().due())
                .description("Engine jobs due and not yet taken by a job executor").register(registry);
        Gauge.builder("tasklane.engine.jobs.locked", this, m -> m.current().locked())
                .description("Engine jobs being executed (locked by a job executor)").register(registry);
        Gauge.builder("tasklane.engine.timers.waiting", this, m -> m.current().timersWaiting())
                .description("Timers not yet due (startup timeouts, deadlines, schedules)").register(registry);
        Gauge.builder("tasklane.engine.jobs.failed", this, m -> m.current().failed())
                .description("Engine jobs that failed with no retries left (incidents)").register(registry);
    }

    synchronized Jobs current() {
        Instant now = clock.instant();
        if (Duration.between(jobs.at(), now).compareTo(FRESH_FOR) >= 0) {
            jobs = read(now);
        }
        return jobs;
    }

    private Jobs read(Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("""
                        select
                          coalesce(sum(case when retries_ > 0 and lock_exp_time_ is null and suspension_state_ = 1
                                             and (duedate_ is null or duedate_ <= :now) then 1 else 0 end), 0),
                          coalesce(sum(case when lock_exp_time_ is not null then 1 else 0 end), 0),
                          coalesce(sum(case when type_ = 'timer' and duedate_ > :now then 1 else 0 end), 0),
                          coalesce(sum(case when retries_ = 0 then 1 else 0 end), 0)
                        from act_ru_job""")
                .param("now", at)
                .query((rs, row) -> new Jobs(now, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }
}
