package io.tasklane.runtime.kubernetes;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The status loop of the kubernetes runtime. Each pass lists Tasklane's pods and RayServices by label
 * (no watch: it works the same after a restart and against any API server), tells each watched run
 * what its replicas do, fails replicas whose node has gone, and has orphans deleted.
 */
@Component
class KubernetesReconciler {

    private static final Logger log = LoggerFactory.getLogger(KubernetesReconciler.class);

    private final KubernetesUse use;
    private final KubernetesObjects objects;
    private final WatchedRuns watched;
    private final OrphanCollector orphans;
    private final SharedRunAdoption adoption;
    private final Clock clock;

    KubernetesReconciler(KubernetesUse use, KubernetesObjects objects, WatchedRuns watched, OrphanCollector orphans,
                         SharedRunAdoption adoption, Clock clock) {
        this.use = use;
        this.objects = objects;
        this.watched = watched;
        this.orphans = orphans;
        this.adoption = adoption;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tasklane.runtime.kubernetes.reconcile-interval:5s}",
            initialDelayString = "${tasklane.runtime.kubernetes.reconcile-interval:5s}")
    void periodically() {
        if (!use.active()) {
            return;
        }
        try {
            reconcile();
        } catch (RuntimeException e) {
            // Nothing is lost: the next pass lists everything again.
            log.warn("Kubernetes reconcile pass failed; the next one retries: {}", e.toString());
        }
    }

    /** One pass: adopt runs other instances launched, list, report on every watched run, clean up orphans. */
    synchronized void reconcile() {
        adoption.adoptUnwatched();
        Instant listedAt = clock.instant();
        List<V1Pod> pods = objects.listPods(TasklaneLabels.REPLICA_PODS);
        List<Map<String, Object>> rayServices = objects.listRayServices(TasklaneLabels.MANAGED);
        Set<String> nodes = objects.listNodes(null).stream().map(n -> n.getMetadata().getName()).collect(Collectors.toSet());
        Map<String, V1Pod> podsByName = new HashMap<>();
        pods.forEach(p -> podsByName.put(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName(), p));
        Map<String, Map<String, Object>> raysByName = new HashMap<>();
        rayServices.forEach(r -> raysByName.put(key(RayServiceStatusReading.map(r.get("metadata"))), r));

        for (WatchedRun run : watched.all()) {
            if (run.since.isAfter(listedAt)) {
                continue; // armed after the lists were taken: they may not show its objects yet
            }
            Map<Integer, ReplicaObservation> seen = new HashMap<>();
            run.replicas().forEach((index, node) -> seen.put(index, observe(run, index, node, podsByName, raysByName, nodes)));
            boolean anyGone = seen.values().stream().anyMatch(o -> o.phase() == ReplicaObservation.Phase.GONE);
            if (anyGone && adoption.isBeingTornDown(run.runId)) {
                // Another instance (or a compensation) is deleting the objects: that is no failure to report.
                watched.forget(run.runId);
                continue;
            }
            seen.forEach(run::report);
            if (run.isOver()) {
                watched.forget(run.runId);
            }
        }
        orphans.collect(pods, rayServices, objects.listServices(TasklaneLabels.MANAGED));
    }

    private static ReplicaObservation observe(WatchedRun run, int index, String node, Map<String, V1Pod> pods,
                                              Map<String, Map<String, Object>> rays, Set<String> nodes) {
        if (node != null && !nodes.contains(node)) {
            return ReplicaObservation.gone("node " + node + " was removed from the Kubernetes cluster");
        }
        if (run.ray) {
            Map<String, Object> rayService = rays.get(run.namespace + "/" + TasklaneLabels.runObjectName(run.runId));
            return rayService == null
                    ? ReplicaObservation.gone("RayService " + run.namespace + "/" + TasklaneLabels.runObjectName(run.runId) + " was deleted outside Tasklane")
                    : RayServiceStatusReading.read(rayService);
        }
        String name = TasklaneLabels.podName(run.runId, index);
        V1Pod pod = pods.get(run.namespace + "/" + name);
        return pod == null ? ReplicaObservation.gone("pod " + run.namespace + "/" + name + " was deleted outside Tasklane")
                : PodStatusReading.read(pod, run.service);
    }

    private static String key(Map<String, Object> metadata) {
        return metadata.get("namespace") + "/" + metadata.get("name");
    }
}
