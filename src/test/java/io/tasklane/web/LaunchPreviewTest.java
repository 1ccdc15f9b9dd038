package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.tasklane.web.LaunchPreview.ClusterChoice;
import io.tasklane.web.LaunchPreview.FirePreview;
import org.junit.jupiter.api.Test;

class LaunchPreviewTest {

    static final List<ClusterChoice> CLUSTERS = List.of(new ClusterChoice("levers", "L4", 2, 8, 8, 8));
    // Only the clusters need the cluster service; the previews below are pure.
    final LaunchPreview preview = new LaunchPreview(null, Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC), null);

    @Test
    void theGpusAreSkusTimesReplicasTimesTheClustersGpusPerSku() {
        LaunchForm form = form("levers", "2", "3");
        assertThat(preview.gpus(CLUSTERS, LaunchDraft.of(form))).contains(12L);
        assertThat(preview.gpus(CLUSTERS, LaunchDraft.of(form("levers", "2", "many")))).as("unreadable: no figure").isEmpty();
        assertThat(preview.gpus(CLUSTERS, LaunchDraft.of(form("elsewhere", "1", "1")))).as("no such cluster of hers").isEmpty();
    }

    @Test
    void aDailyScheduleInShanghaiFiresNextAtItsFirstWindowInTheZoneAndInUtc() {
        LaunchForm form = form("levers", "1", "1");
        form.setScheduleType("DAILY");
        form.setTimeZone("Asia/Shanghai");
        form.setWindows(new ArrayList<>(List.of(new LaunchForm.WindowRow("08:00", "1", "2"), new LaunchForm.WindowRow("22:00", "1", "1"))));

        // 12:00 UTC is 20:00 in Shanghai: the 22:00 window is next, at 14:00 UTC.
        assertThat(preview.nextFire(CLUSTERS, LaunchDraft.of(form)))
                .contains(new FirePreview("2026-12-06 22:00 Asia/Shanghai", "2026-12-06 14:00 UTC"));
    }

    @Test
    void aOneOffScheduleFiresAtItsLocalTimeInItsZone() {
        LaunchForm form = form("levers", "1", "1");
        form.setScheduleType("ONE_OFF");
        form.setTimeZone("America/New_York");
        form.setAt("2026-12-07T09:30"); // as the browser's datetime-local field sends it

        assertThat(preview.nextFire(CLUSTERS, LaunchDraft.of(form)))
                .contains(new FirePreview("2026-12-07 09:30 America/New_York", "2026-12-07 14:30 UTC"));
    }

    @Test
    void aScheduleTheRulesRefuseOrAManualOneHasNoNextFire() {
        LaunchForm form = form("levers", "1", "1");
        assertThat(preview.nextFire(CLUSTERS, LaunchDraft.of(form))).as("manual").isEmpty();
        form.setScheduleType("DAILY");
        form.setTimeZone("Asia/Shanghai");
        form.setWindows(new ArrayList<>(List.of(new LaunchForm.WindowRow("08:00", "1", "9"))));
        assertThat(preview.nextFire(CLUSTERS, LaunchDraft.of(form))).as("9 replicas never fit 8 SKUs").isEmpty();
    }

    private static LaunchForm form(String cluster, String skus, String replicas) {
        LaunchForm form = new LaunchForm();
        form.setCluster(cluster);
        form.setSkuPerReplica(skus);
        form.setReplicas(replicas);
        return form;
    }
}
