package io.tasklane.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.TaskId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each broken rule of a schedule request, named by field and rule; a task of 2 SKUs per replica on 16 SKUs. */
class ScheduleRulesTest {

    static final TaskId TASK = new TaskId("t");
    static final ScheduleRequest.Window MORNING = new ScheduleRequest.Window("08:00", 2, 8);

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                Arguments.of("no type", new ScheduleRequest(null, "Asia/Shanghai", null, null, true, null), "type", "required"),
                Arguments.of("unknown type", new ScheduleRequest("WEEKLY", "Asia/Shanghai", null, null, true, null), "type", "one-of"),
                Arguments.of("zone that is no IANA zone", oneOff("Mars/Olympus", "2026-12-01T09:30:00"), "timeZone", "iana-zone"),
                Arguments.of("fixed offset instead of a zone", oneOff("+08:00", "2026-12-01T09:30:00"), "timeZone", "iana-zone"),
                Arguments.of("one-off without a time", oneOff("Asia/Shanghai", null), "at", "required"),
                Arguments.of("one-off at a malformed time", oneOff("Asia/Shanghai", "2026-12-01 09:30"), "at", "format"),
                Arguments.of("daily without windows", daily(), "windows", "required"),
                Arguments.of("window at a malformed time", daily(new ScheduleRequest.Window("25:00", 1, 2)), "windows[0].time", "format"),
                Arguments.of("min above max", daily(new ScheduleRequest.Window("08:00", 3, 2)), "windows[0].minReplicas", "min-not-above-max"),
                Arguments.of("no replicas", daily(new ScheduleRequest.Window("08:00", 0, 2)), "windows[0].minReplicas", "min"),
                Arguments.of("more than the cluster could ever host", daily(new ScheduleRequest.Window("08:00", 1, 9)),
                        "windows[0].maxReplicas", "fits-cluster"),
                Arguments.of("two windows at one time", daily(MORNING, new ScheduleRequest.Window("08:00:00", 1, 2)),
                        "windows[1].time", "unique-time"),
                Arguments.of("daily with a one-off time", new ScheduleRequest("DAILY", "Asia/Shanghai", "2026-12-01T09:30:00", null, true,
                        List.of(MORNING)), "at", "not-allowed"),
                Arguments.of("malformed first date", new ScheduleRequest("DAILY", "Asia/Shanghai", null, "01/12/2026", true,
                        List.of(MORNING)), "startDate", "format"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aBrokenRuleIsNamedByFieldAndRule(String name, ScheduleRequest request, String field, String rule) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> ScheduleRules.parse(TASK, request, 2, 16));

        assertThat(refused).isNotNull();
        assertThat(refused.violations()).extracting(FieldViolation::field, FieldViolation::rule)
                .contains(org.assertj.core.groups.Tuple.tuple(field, rule));
    }

    @Test
    void aValidDailyScheduleKeepsItsWindowsInTimeOrder() {
        Schedule parsed = ScheduleRules.parse(TASK, daily(new ScheduleRequest.Window("20:00", 1, 2), MORNING), 2, 16);

        assertThat(parsed.type()).isEqualTo(ScheduleType.DAILY);
        assertThat(parsed.zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(parsed.windows()).containsExactly(new ReplicaWindow(LocalTime.of(8, 0), 2, 8),
                new ReplicaWindow(LocalTime.of(20, 0), 1, 2));
        assertThat(parsed.active()).isTrue();
    }

    @Test
    void aOneOffIsInactiveUnlessActivated() {
        Schedule parsed = ScheduleRules.parse(TASK, new ScheduleRequest("ONE_OFF", "Asia/Shanghai", "2026-12-01T09:30:00",
                null, null, null), 2, 16);

        assertThat(parsed.at()).isEqualTo(LocalDateTime.parse("2026-12-01T09:30:00"));
        assertThat(parsed.active()).isFalse();
    }

    static ScheduleRequest oneOff(String zone, String at) {
        return new ScheduleRequest("ONE_OFF", zone, at, null, true, null);
    }

    static ScheduleRequest daily(ScheduleRequest.Window... windows) {
        return new ScheduleRequest("DAILY", "Asia/Shanghai", null, "2026-12-01", true, List.of(windows));
    }
}
