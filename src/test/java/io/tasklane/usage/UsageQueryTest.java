package io.tasklane.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.tasklane.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UsageQueryTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void datesAreWholeDaysOfTheZoneBothIncluded() {
        UsageQuery query = UsageQuery.parse("2026-12-01", "2026-12-01", "Asia/Taipei", List.of("project,day", "user"), null, "", null, NOW);

        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
        assertThat(query.groupBy()).containsExactly(UsageGrouping.PROJECT, UsageGrouping.DAY, UsageGrouping.USER);
        assertThat(query.user()).isNull();
    }

    @Test
    void withoutAWindowItRunsFromTheFirstOfTheMonthToNow() {
        UsageQuery query = UsageQuery.parse(null, null, null, null, "vision", null, null, NOW);

        assertThat(query.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(NOW);
        assertThat(query.zone().getId()).isEqualTo("UTC");
        assertThat(query.project()).isEqualTo("vision");
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                argumentSet("unknown zone", "2026-12-01", "2026-12-02", "Mars/Olympus", List.of(), "timeZone", "time-zone"),
                argumentSet("not a date", "yesterday", "2026-12-02", "UTC", List.of(), "from", "date-time"),
                argumentSet("a time without an offset", "2026-12-01", "2026-12-02T10:00:00", "UTC", List.of(), "to", "date-time"),
                argumentSet("to before from", "2026-12-05", "2026-12-01", "UTC", List.of(), "to", "after-from"),
                argumentSet("more than 400 days", "2025-01-01", "2026-12-01", "UTC", List.of(), "to", "max-span"),
                argumentSet("unknown grouping", "2026-12-01", "2026-12-02", "UTC", List.of("project,team"), "groupBy", "one-of"));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void brokenParametersAreNamed(String from, String to, String zone, List<String> groupBy, String field, String rule) {
        assertThatThrownBy(() -> UsageQuery.parse(from, to, zone, groupBy, null, null, null, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> {
                            assertThat(v.field()).isEqualTo(field);
                            assertThat(v.rule()).isEqualTo(rule);
                        }));
    }
}
