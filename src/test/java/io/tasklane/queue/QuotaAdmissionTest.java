package io.tasklane.queue;

import static io.tasklane.queue.AdmissionTest.nodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.tasklane.capacity.QueuePolicy;
import io.tasklane.common.RunId;
import io.tasklane.usage.ClusterQuotas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The quota rule of the admission policy: a project at its quota waits without holding up the other projects. */
class QuotaAdmissionTest {

    static final QueuePolicy BEST_EFFORT = QueuePolicy.BEST_EFFORT_FIFO;
    static final QueuePolicy STRICT = QueuePolicy.STRICT_FIFO;

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("within its quota a run starts", BEST_EFFORT, quotas(Map.of("vision", 8), Map.of("vision", 4)),
                        List.of(run("a", "vision", 0, 4)), List.of("a"), List.of()),
                argumentSet("over its quota a run waits; another project's later run starts", BEST_EFFORT,
                        quotas(Map.of("vision", 8), Map.of("vision", 6)),
                        List.of(run("a", "vision", 0, 4), run("b", "audio", 1, 4)), List.of("b"), List.of("a")),
                argumentSet("strict FIFO: the quota wait is per project, other projects pass", STRICT,
                        quotas(Map.of("vision", 8), Map.of("vision", 6)),
                        List.of(run("a", "vision", 0, 4), run("b", "audio", 1, 4)), List.of("b"), List.of("a")),
                argumentSet("strict FIFO: a project's later run stays behind its earlier one", STRICT,
                        quotas(Map.of("vision", 8), Map.of("vision", 6)),
                        List.of(run("a", "vision", 0, 4), run("a2", "vision", 1, 1), run("b", "audio", 2, 1)), List.of("b"), List.of("a", "a2")),
                argumentSet("best effort: a project's smaller run fits its quota and passes its own bigger one", BEST_EFFORT,
                        quotas(Map.of("vision", 8), Map.of("vision", 6)),
                        List.of(run("a", "vision", 0, 4), run("a2", "vision", 1, 2)), List.of("a2"), List.of("a")),
                argumentSet("what a pass admits counts against the quota at once", BEST_EFFORT, quotas(Map.of("vision", 4), Map.of()),
                        List.of(run("a", "vision", 0, 3), run("a2", "vision", 1, 2)), List.of("a"), List.of("a2")),
                argumentSet("a quota lowered below what is held admits nothing more (and ends nothing)", BEST_EFFORT,
                        quotas(Map.of("vision", 4), Map.of("vision", 6)),
                        List.of(run("a", "vision", 0, 1)), List.of(), List.of("a")),
                argumentSet("a project without a quota is not limited", BEST_EFFORT, quotas(Map.of("vision", 1), Map.of("audio", 30)),
                        List.of(run("b", "audio", 0, 8)), List.of("b"), List.of()),
                argumentSet("a pinned run is exempt: the pin and its force-start are an admin's decision", BEST_EFFORT,
                        quotas(Map.of("vision", 8), Map.of("vision", 8)),
                        List.of(pinned("p", "vision", 0, 4)), List.of("p"), List.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aProjectAtItsQuotaWaitsAlone(QueuePolicy policy, ClusterQuotas quotas, List<QueueEntry> queue, List<String> admitted,
                                      List<String> waitingForQuota) {
        Admission admission = Admission.run(queue, nodes(8, 8), policy, quotas);

        assertThat(admission.admitted()).extracting(a -> a.entry().runId().value()).containsExactlyElementsOf(admitted);
        assertThat(admission.quotaWaits().keySet()).extracting(RunId::value).containsExactlyInAnyOrderElementsOf(waitingForQuota);
    }

    @Test
    void theWaitSaysWhatTheProjectHoldsAndWhatTheRunNeeds() {
        Admission admission = Admission.run(List.of(run("a", "vision", 0, 4), run("a2", "vision", 1, 1)), nodes(8, 8), STRICT,
                quotas(Map.of("vision", 8), Map.of("vision", 6)));

        assertThat(admission.quotaWaits().get(new RunId("a")))
                .isEqualTo("QuotaExceeded: project vision holds 6 of its 8 SKUs on cluster a100; this run needs 4");
        assertThat(admission.quotaWaits().get(new RunId("a2"))).startsWith("QuotaExceeded: an earlier run of project vision waits");
    }

    @Test
    void aPinnedRunAdmittedOverItsQuotaIsNamed() {
        Admission admission = Admission.run(List.of(pinned("p", "vision", 0, 4)), nodes(8), BEST_EFFORT,
                quotas(Map.of("vision", 8), Map.of("vision", 6)));

        assertThat(admission.overQuota().values()).containsExactly("QuotaExceeded: project vision holds 6 of its 8 SKUs on cluster a100; this run needs 4");
    }

    static ClusterQuotas quotas(Map<String, Integer> limits, Map<String, Integer> held) {
        return new ClusterQuotas("a100", limits, held);
    }

    static QueueEntry run(String id, String project, int submittedSecond, int skus) {
        return AdmissionTest.run(id, 0, submittedSecond, skus).ofProject(project);
    }

    static QueueEntry pinned(String id, String project, int submittedSecond, int skus) {
        return AdmissionTest.pinned(id, 0, submittedSecond, skus).ofProject(project);
    }
}
