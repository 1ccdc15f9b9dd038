package io.tasklane.usage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tasklane.common.RunId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What single runs have used, for pages that show a task's runs. The caller has already checked that the runs'
 * task may be seen: a run's GPU-hours are part of its task, like its times.
 */
@Service
public class RunUsage {

    private final JdbcClient jdbc;
    private final Clock clock;

    RunUsage(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** GPU-hours each of {@code runs} has held so far (a run still holding GPUs up to now); a run that never held any is absent. */
    @Transactional(readOnly = true)
    public Map<RunId, Double> gpuHoursOf(Collection<RunId> runs) {
        if (runs.isEmpty()) {
            return Map.of();
        }
        List<UsagePeriod> periods = jdbc.sql("""
                        select run_id, replica_index, gpus, held_from, held_to from tasklane.usage_hold where run_id in (:runs)""")
                .param("runs", runs.stream().map(RunId::value).toList())
                .query((rs, i) -> new UsagePeriod(rs.getString("run_id"), rs.getInt("replica_index"), null, null, null, null, null, null,
                        0, rs.getInt("gpus"), rs.getObject("held_from", OffsetDateTime.class).toInstant(),
                        rs.getObject("held_to", OffsetDateTime.class) == null ? null
                                : rs.getObject("held_to", OffsetDateTime.class).toInstant()))
                .list();
        return RunGpuHours.of(periods, clock.instant()).entrySet().stream()
                .collect(Collectors.toMap(e -> new RunId(e.getKey()), Map.Entry::getValue));
    }
}
