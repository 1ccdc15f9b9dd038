package io.tasklane.web;

import java.util.List;

import io.tasklane.common.ClusterName;
import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.queue.QueueService;
import io.tasklane.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The compact queue summary in every page's navigation: per cluster the caller may use, runs waiting and free SKUs. */
@Controller
class QueueSummaryController {

    private final ClusterService clusters;
    private final QueueService queues;
    private final GpuTypeWords gpuTypes;

    QueueSummaryController(ClusterService clusters, QueueService queues, GpuTypeWords gpuTypes) {
        this.gpuTypes = gpuTypes;
        this.clusters = clusters;
        this.queues = queues;
    }

    @GetMapping("/queue-summary")
    String summary(@AuthenticationPrincipal Caller caller, Model model) {
        // Counts only: this polls every few seconds on every page, and a queue may be thousands of runs long.
        java.util.Map<ClusterName, Long> waiting = queues.waitingPerCluster();
        List<ClusterQueue> summary = clusters.visibleTo(caller).stream()
                .sorted(java.util.Comparator.comparing(VirtualCluster::name))
                .map(cluster -> new ClusterQueue(cluster.name(), gpuTypes.of(cluster),
                        waiting.getOrDefault(new ClusterName(cluster.name()), 0L), clusters.freeSkus(cluster), cluster.totalSkus()))
                .toList();
        model.addAttribute("clusterQueues", summary);
        return "fragments/queue-summary :: summary";
    }

    /** One cluster's line of the summary. */
    public record ClusterQueue(String cluster, String gpuType, long waiting, int freeSkus, int totalSkus) {
    }
}
