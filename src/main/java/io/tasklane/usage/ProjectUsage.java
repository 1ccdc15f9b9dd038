package io.tasklane.usage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A whole project's GPU use in a window, whoever asks: what budgets are measured against. */
@Service
public class ProjectUsage {

    private final UsageRepository periods;

    ProjectUsage(UsageRepository periods) {
        this.periods = periods;
    }

    /** GPU-microseconds the project's runs held in [from, to), counting open periods up to {@code now}. */
    @Transactional(readOnly = true)
    public long gpuMicros(String project, Instant from, Instant to, Instant now) {
        UsageQuery query = new UsageQuery(from, to, ZoneOffset.UTC, List.of(), project, null, null);
        return UsageCalculator.report(query, periods.overlapping(query, true, null, Set.of()), now).total().gpuMicros();
    }
}
