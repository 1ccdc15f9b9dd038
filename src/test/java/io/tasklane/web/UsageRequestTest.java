package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.usage.UsageGrouping;
import io.tasklane.usage.UsageQuery;
import org.junit.jupiter.api.Test;

/** The Usage page's defaults (this month in the browser's zone, by project) and its refusals, named by field. */
class UsageRequestTest {

    /** 23:30 on Nov 30 in UTC is already Dec 1 in Taipei. */
    static final Instant NOW = Instant.parse("2026-11-30T23:30:00Z");

    @Test
    void blanksAreThisMonthInTheBrowsersZoneStackedByProject() {
        UsageRequest request = new UsageRequest(null, " ", null, null, "", null).withDefaults("Asia/Taipei", NOW);

        assertThat(request).isEqualTo(new UsageRequest("2026-12-01", "2026-12-01", "Asia/Taipei", "project", null, null));
        UsageQuery query = request.query(NOW);
        assertThat(query.zone()).isEqualTo(ZoneId.of("Asia/Taipei"));
        assertThat(query.groupBy()).containsExactly(UsageGrouping.DAY, UsageGrouping.PROJECT);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
    }

    @Test
    void withoutAKnownBrowserZoneDaysAreInUtcAndAChosenZoneWins() {
        assertThat(new UsageRequest(null, null, null, null, null, null).withDefaults("Not/AZone", NOW))
                .isEqualTo(new UsageRequest("2026-11-01", "2026-11-30", "UTC", "project", null, null));
        assertThat(new UsageRequest(null, null, "Europe/Berlin", "user", null, "a100").withDefaults("Asia/Taipei", NOW))
                .isEqualTo(new UsageRequest("2026-12-01", "2026-12-01", "Europe/Berlin", "user", null, "a100"));
    }

    @Test
    void everyBrokenFieldIsNamedAtOnce() {
        UsageRequest broken = new UsageRequest("2026-12-10", "2026-12-01", "Mars/Olympus", "team", null, null);

        List<FieldViolation> violations = catchThrowableOfType(InvalidInputException.class, () -> broken.query(NOW)).violations();

        assertThat(violations).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("stack", "one-of"),
                        org.assertj.core.groups.Tuple.tuple("timeZone", "time-zone"));
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> new UsageRequest("2026-12-10", "2026-12-01", "UTC", "user", null, null).query(NOW)).violations())
                .extracting(FieldViolation::field, FieldViolation::rule).containsExactly(org.assertj.core.groups.Tuple.tuple("to", "after-from"));
    }

    @Test
    void theSwitchAndTheCsvKeepThePeriodAndFilters() {
        UsageRequest request = new UsageRequest("2026-12-01", "2026-12-31", "Asia/Taipei", "project", "vision", null);

        assertThat(request.withStack("user")).isEqualTo("/usage?from=2026-12-01&to=2026-12-31&timeZone=Asia/Taipei&stack=user&project=vision");
        assertThat(request.csvAddress()).isEqualTo("/usage/csv?from=2026-12-01&to=2026-12-31&timeZone=Asia/Taipei&stack=project&project=vision");
    }
}
