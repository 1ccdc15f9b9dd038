package io.tasklane.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunGpuHoursTest {

    static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");

    @Test
    void eachPeriodCountsItsGpusForAsLongAsItHeldThem() {
        Map<String, Double> hours = RunGpuHours.of(List.of(
                period("r1", 0, 2, "2026-12-10T09:00:00Z", "2026-12-10T10:30:00Z"),   // 2 GPUs × 1.5 h
                period("r1", 1, 2, "2026-12-10T09:00:00Z", "2026-12-10T10:30:00Z"),   // its second replica
                period("r2", 0, 8, "2026-12-10T11:45:00Z", "2026-12-10T11:46:30Z")),  // 8 GPUs × 90 s
                NOW);
        assertThat(hours.get("r1")).isCloseTo(6.0, within(1e-9));
        assertThat(hours.get("r2")).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void anOpenPeriodCountsUpToNowAndAResizesReplicaFromItsOwnStart() {
        Map<String, Double> hours = RunGpuHours.of(List.of(
                period("r1", 0, 1, "2026-12-10T10:00:00Z", null),
                period("r1", 1, 1, "2026-12-10T11:00:00Z", null)), NOW);
        assertThat(hours.get("r1")).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void aRunWithoutPeriodsIsAbsentAndNoPeriodCountsBelowZero() {
        Map<String, Double> hours = RunGpuHours.of(List.of(
                period("r1", 0, 4, "2026-12-10T12:30:00Z", null)), NOW); // another instance's clock ahead of ours
        assertThat(hours).containsOnlyKeys("r1");
        assertThat(hours.get("r1")).isZero();
        assertThat(RunGpuHours.of(List.of(), NOW)).isEmpty();
    }

    private static UsagePeriod period(String run, int replica, int gpus, String from, String to) {
        return new UsagePeriod(run, replica, "t1", "task", "vision", "alice", "a100", "node-1", gpus, gpus, Instant.parse(from),
                to == null ? null : Instant.parse(to));
    }
}
