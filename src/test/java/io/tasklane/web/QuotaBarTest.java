package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.tasklane.usage.ProjectQuota;
import org.junit.jupiter.api.Test;

class QuotaBarTest {

    @Test
    void aBarIsTheShareOfItsQuotaAProjectHoldsCappedFullWhenOver() {
        assertThat(bar(6, 8)).isEqualTo(new QuotaBar("vision", 6, 8, 75, false));
        assertThat(bar(0, 8)).isEqualTo(new QuotaBar("vision", 0, 8, 0, false));
        assertThat(bar(9, 8)).isEqualTo(new QuotaBar("vision", 9, 8, 100, true));
        assertThat(bar(0, 0)).as("a quota of none, nothing held").isEqualTo(new QuotaBar("vision", 0, 0, 0, false));
        assertThat(bar(2, 0)).isEqualTo(new QuotaBar("vision", 2, 0, 100, true));
    }

    @Test
    void whereAProjectHoldsSkusWithoutAQuotaThereIsNoBar() {
        assertThat(QuotaBar.of(List.of(new ProjectQuota("vision", "a100", null, 3, null, null)))).isEmpty();
    }

    private static QuotaBar bar(int held, int max) {
        return QuotaBar.of(new ProjectQuota("vision", "a100", max, held, Instant.EPOCH, "admin"));
    }
}
