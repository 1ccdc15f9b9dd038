package io.tasklane.api;

import java.net.URI;
import java.util.List;

import io.tasklane.api.ClusterDtos.ClusterRequest;
import io.tasklane.api.ClusterDtos.ClusterResponse;
import io.tasklane.api.ClusterDtos.GrantRequest;
import io.tasklane.api.ClusterDtos.NodeRequest;
import io.tasklane.capacity.ClusterGrant;
import io.tasklane.capacity.ClusterService;
import io.tasklane.common.ClusterName;
import io.tasklane.queue.QueueService;
import io.tasklane.queue.StartEstimate;
import io.tasklane.queue.StartEstimates;
import io.tasklane.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/clusters", produces = MediaType.APPLICATION_JSON_VALUE)
class ClusterController {

    private final ClusterService clusters;
    private final QueueService queues;
    private final StartEstimates estimates;

    ClusterController(ClusterService clusters, QueueService queues, StartEstimates estimates) {
        this.clusters = clusters;
        this.queues = queues;
        this.estimates = estimates;
    }

    /**
     * One waiting run in a queue; the task's name and project show only to those who may see the task. With when it
     * is expected to start and from what ({@link EstimateFields}).
     */
    record QueueLineResponse(int position, String runId, String taskId, String taskName, String project, boolean pinned,
                             int priority, int replicas, int skuPerReplica, int skus, int gpus, java.time.Instant waitingSince,
                             java.time.Instant expectedStartAt, StartEstimate.Basis estimateBasis,
                             StartEstimate.Unknown estimateUnknownReason, Integer estimateRunsEnding) {
    }

    private ClusterResponse response(io.tasklane.capacity.VirtualCluster cluster) {
        return ClusterResponse.of(cluster, clusters.freeSkus(cluster));
    }

    @GetMapping("/{name}/queue")
    ListResponse<QueueLineResponse> queue(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        ClusterName clusterName = ApiIds.cluster(name);
        var cluster = clusters.get(caller, clusterName);
        var expected = estimates.onCluster(clusterName);
        var lines = queues.lines(caller, clusterName).stream().map(line -> {
            var e = line.entry();
            var estimate = EstimateFields.of(expected.get(e.runId()));
            return new QueueLineResponse(line.position(), e.runId().value(), e.taskId().value(), line.taskName(), line.project(),
                    e.pinned(), e.priority(), e.replicas(), e.skuPerReplica(), e.skus(), e.skus() * cluster.sku().gpus(),
                    e.queuedAt(), estimate.expectedStartAt(), estimate.basis(), estimate.unknownReason(), estimate.runsEnding());
        }).toList();
        return new ListResponse<>(lines.size(), lines);
    }

    @GetMapping
    ListResponse<ClusterResponse> list(@AuthenticationPrincipal Caller caller) {
        List<ClusterResponse> visible = clusters.visibleTo(caller).stream().map(this::response).toList();
        return new ListResponse<>(visible.size(), visible);
    }

    @GetMapping("/{name}")
    ClusterResponse get(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        return response(clusters.get(caller, ApiIds.cluster(name)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ClusterResponse> create(@AuthenticationPrincipal Caller caller, @RequestBody ClusterRequest request) {
        var cluster = clusters.create(caller, request.toCluster());
        return ResponseEntity.created(URI.create("/api/v1/clusters/" + cluster.name())).body(response(cluster));
    }

    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ClusterResponse replace(@AuthenticationPrincipal Caller caller, @PathVariable String name,
                            @RequestBody ClusterRequest request) {
        return response(clusters.replace(caller, ApiIds.cluster(name), request.toCluster()));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        clusters.delete(caller, ApiIds.cluster(name));
    }

    @PutMapping(path = "/{name}/nodes/{node}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ClusterResponse saveNode(@AuthenticationPrincipal Caller caller, @PathVariable String name,
                             @PathVariable String node, @RequestBody NodeRequest request) {
        return response(clusters.saveNode(caller, ApiIds.cluster(name), request.toNode(node)));
    }

    @DeleteMapping("/{name}/nodes/{node}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteNode(@AuthenticationPrincipal Caller caller, @PathVariable String name, @PathVariable String node) {
        clusters.deleteNode(caller, ApiIds.cluster(name), node);
    }

    @GetMapping("/{name}/grants")
    ListResponse<ClusterGrant> grants(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        List<ClusterGrant> grants = clusters.grants(caller, ApiIds.cluster(name));
        return new ListResponse<>(grants.size(), grants);
    }

    @PostMapping(path = "/{name}/grants", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void grant(@AuthenticationPrincipal Caller caller, @PathVariable String name, @RequestBody GrantRequest request) {
        clusters.grant(caller, ApiIds.cluster(name), request.toGrant());
    }

    @DeleteMapping("/{name}/grants")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal Caller caller, @PathVariable String name,
                @RequestParam(required = false) String user, @RequestParam(required = false) String group) {
        clusters.revoke(caller, ApiIds.cluster(name), new GrantRequest(user, group).toGrant());
    }
}
