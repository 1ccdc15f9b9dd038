package io.tasklane.runtime.kubernetes;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kubernetes.client.openapi.models.V1Pod;
import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.Sku;
import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.runtime.DeployFailedException;
import io.tasklane.runtime.InstanceListener;
import io.tasklane.runtime.InstanceState;
import io.tasklane.runtime.LaunchRequest;
import io.tasklane.runtime.LaunchedReplica;
import io.tasklane.runtime.LaunchedRun;
import io.tasklane.runtime.ReplicaLaunch;
import io.tasklane.runtime.RunInstance;
import io.tasklane.runtime.TaskRuntime;
import io.tasklane.task.PortMapping;
import io.tasklane.task.TaskKind;
import io.tasklane.task.TaskSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a run's replicas on Kubernetes: a Pod per replica (and a Service for its ports), or one KubeRay
 * RayService for a Ray Serve task. It launches and stops; {@link KubernetesReconciler} reports what
 * the objects do, from lists by label, so a restarted Tasklane picks up where it was.
 */
@Component
class KubernetesRuntime implements TaskRuntime {

    private static final Logger log = LoggerFactory.getLogger(KubernetesRuntime.class);
    static final String KIND = "kubernetes";

    private final KubernetesObjects objects;
    private final KubernetesRuntimeProperties properties;
    private final ClusterService clusters;
    private final Namespaces namespaces;
    private final WatchedRuns watched;
    private final RunTeardown teardown;
    private final PodLogs logs;
    private final Clock clock;

    KubernetesRuntime(KubernetesObjects objects, KubernetesRuntimeProperties properties, ClusterService clusters,
                      Namespaces namespaces, WatchedRuns watched, RunTeardown teardown, PodLogs logs, Clock clock) {
        this.objects = objects;
        this.properties = properties;
        this.clusters = clusters;
        this.namespaces = namespaces;
        this.watched = watched;
        this.teardown = teardown;
        this.logs = logs;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * Creates the run's objects. An object that already exists for this run (a retried deployment) is
     * taken over; a refusal (403, 404, invalid) fails the deployment with the API server's reason.
     */
    @Override
    public LaunchedRun launch(LaunchRequest request) {
        TaskSpec spec = request.spec();
        String namespace = namespaces.ofProject(spec.project());
        Sku sku = clusters.find(new ClusterName(spec.cluster())).sku();
        ObjectCreation creation = new ObjectCreation(objects, request.runId().value());
        boolean grow = spec.ray() != null && watched.get(request.runId().value()).isPresent();
        try {
            if (grow) {
                // A grow of a deployed Ray Serve run: its RayService is updated once the grow commits (resize).
                log.info("Run {}: {} replica(s) added to its RayService", request.runId(), request.replicas().size());
            } else if (spec.ray() != null) {
                creation.rayService(RayServiceFactory.rayService(request, sku, namespace, properties.shmSize(), properties.ray()));
            } else {
                for (ReplicaLaunch replica : request.replicas()) {
                    V1Pod pod = ReplicaPodFactory.pod(request, replica, sku, namespace, properties.shmSize());
                    creation.pod(pod);
                }
                if (request.roles() != null) {
                    creation.service(RunServiceFactory.headless(request, namespace));
                } else if (!spec.ports().isEmpty()) {
                    creation.service(RunServiceFactory.service(request, namespace, properties.serviceType()));
                }
            }
        } catch (KubernetesRefusedException e) {
            creation.undo();
            throw new DeployFailedException(e.getMessage(), e);
        } catch (RuntimeException e) {
            creation.undo();
            throw e;
        }
        Integer port = spec.ray() != null ? Integer.valueOf(RayServiceFactory.SERVE_PORT)
                : spec.ports().stream().findFirst().map(PortMapping::containerPort).orElse(null);
        List<LaunchedReplica> replicas = request.replicas().stream()
                .map(r -> new LaunchedReplica(r.index(), null, port, null, clock.instant(), InstanceState.PENDING)).toList();
        return new KubernetesLaunch(request, namespace, replicas, creation);
    }

    private final class KubernetesLaunch implements LaunchedRun {
        private final LaunchRequest request;
        private final String namespace;
        private final List<LaunchedReplica> replicas;
        private final ObjectCreation creation;

        KubernetesLaunch(LaunchRequest request, String namespace, List<LaunchedReplica> replicas, ObjectCreation creation) {
            this.request = request;
            this.namespace = namespace;
            this.replicas = replicas;
            this.creation = creation;
        }

        @Override
        public List<LaunchedReplica> replicas() {
            return replicas;
        }

        @Override
        public void arm(InstanceListener listener) {
            boolean service = request.spec().kind() == TaskKind.SERVICE;
            WatchedRun run = watched.watch(request.runId().value(), () -> new WatchedRun(request.runId().value(), namespace, service,
                    request.spec().ray() != null, listener, clock.instant()));
            request.replicas().forEach(r -> run.watchReplica(r.index(), r.node()));
        }

        @Override
        public void abort() {
            creation.undo();
        }
    }

    /** Not for pods yet: a run's Service is per run, and stopping some replicas would take it down. */
    @Override
    public boolean resizesRunningRuns() {
        return false;
    }

    /** A Ray Serve run is: its RayService is updated in place (Serve's replicas, the worker group's size). */
    @Override
    public boolean resizesRunningRun(RunId runId, TaskSpec spec) {
        return spec.ray() != null;
    }

    /**
     * Updates a Ray Serve run's RayService to the run's replicas now: {@code serveConfigV2} (the deployment's
     * replicas or autoscaling range) and the worker group's replicas and bounds (and nodes, if they changed).
     * KubeRay applies a new Serve config to the running cluster and scales the worker group in place.
     */
    @Override
    public void resize(LaunchRequest request) {
        TaskSpec spec = request.spec();
        if (spec.ray() == null) {
            return;
        }
        String namespace = namespaces.ofProject(spec.project());
        String name = TasklaneLabels.runObjectName(request.runId().value());
        Optional<Map<String, Object>> current = objects.readRayService(namespace, name);
        if (current.isEmpty()) {
            log.warn("Run {}: RayService {}/{} is gone, nothing to resize (the reconcile loop reports it)", request.runId(), namespace, name);
            return;
        }
        Object resourceVersion = RayServiceStatusReading.map(current.get().get("metadata")).get("resourceVersion");
        Sku sku = clusters.find(new ClusterName(spec.cluster())).sku();
        objects.replaceRayService(RayServiceFactory.rayService(request, sku, namespace, properties.shmSize(), properties.ray()),
                resourceVersion == null ? null : resourceVersion.toString());
        log.info("Run {}: RayService {}/{} resized to {} worker(s), Serve {}..{} replica(s)", request.runId(), namespace, name,
                request.replicas().size(), request.minReplicas(), request.maxReplicas());
    }

    @Override
    public void stop(RunId id, List<RunInstance> instances, Duration grace) {
        String runId = id.value();
        String namespace = namespaces.ofRun(runId);
        boolean ray = namespaces.specOfRun(runId).ray() != null;
        Optional<WatchedRun> run = watched.get(runId);
        java.util.Set<Integer> asked = instances.stream().map(RunInstance::index).collect(java.util.stream.Collectors.toSet());
        if (ray && run.isPresent() && !asked.containsAll(run.get().replicas().keySet())) {
            // A shrink: the RayService stays; the resize that follows gives it fewer workers and Serve replicas.
            asked.forEach(run.get()::forgetReplica);
            return;
        }
        watched.forget(runId);
        for (RunInstance instance : instances) {
            logs.keep(namespace, runId, instance.index(), ray);
        }
        teardown.delete(namespace, runId, instances.stream().map(RunInstance::index).toList(), grace);
    }

    @Override
    public Optional<Path> logFile(RunInstance instance) {
        String runId = instance.runId().value();
        boolean ray = namespaces.specOfRun(runId).ray() != null;
        return logs.fetch(namespaces.ofRun(runId), runId, instance.index(), ray);
    }

    /** Watches a replica launched before a restart again; one whose object is gone is reported as such. */
    @Override
    public boolean adopt(RunInstance instance, boolean service, InstanceListener listener) {
        String runId = instance.runId().value();
        String namespace = namespaces.ofRun(runId);
        boolean ray = namespaces.specOfRun(runId).ray() != null;
        String name = ray ? TasklaneLabels.runObjectName(runId) : TasklaneLabels.podName(runId, instance.index());
        boolean exists = ray ? objects.readRayService(namespace, name).isPresent() : objects.readPod(namespace, name).isPresent();
        if (!exists) {
            listener.exited(instance.runId(), instance.index(), null, (ray ? "RayService " : "pod ") + namespace + "/" + name
                    + " vanished while Tasklane was down");
            return false;
        }
        watched.watch(runId, () -> new WatchedRun(runId, namespace, service, ray, listener, clock.instant()))
                .watchReplica(instance.index(), instance.node());
        log.info("Adopted {} {}/{} of run {} after a restart", ray ? "RayService" : "pod", namespace, name, runId);
        return true;
    }

    /** A replica's own pod; none for a Ray Serve task, whose pods KubeRay makes and names. */
    @Override
    public Optional<PodOfReplica> podOf(RunId id, int index) {
        String runId = id.value();
        return namespaces.specOfRun(runId).ray() != null ? Optional.empty()
                : Optional.of(new PodOfReplica(TasklaneLabels.podName(runId, index), ReplicaPodFactory.CONTAINER));
    }

    /** A Ray task answers on its Serve Service; a plain service on its own Service, or a node port. */
    @Override
    public Optional<String> endpointOf(RunId id) {
        String runId = id.value();
        TaskSpec spec = namespaces.specOfRun(runId);
        String namespace = namespaces.ofProject(spec.project());
        String name = TasklaneLabels.runObjectName(runId);
        if (spec.ray() != null) {
            return Optional.of("http://" + name + "-serve-svc." + namespace + ".svc:" + RayServiceFactory.SERVE_PORT + "/");
        }
        Optional<PortMapping> first = spec.ports().stream().findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (first.get().externalPort() != null) {
            String node = watched.get(runId).map(w -> w.replicas().get(0)).orElse(null);
            return node == null ? Optional.empty() : Optional.of("http://" + node + ":" + first.get().externalPort() + "/");
        }
        return Optional.of("http://" + name + "." + namespace + ".svc:" + first.get().containerPort() + "/");
    }

    /** A Ray Serve task's Ray dashboard: the dashboard port of the head Service KubeRay makes. */
    @Override
    public Optional<String> dashboardOf(RunId id) {
        String runId = id.value();
        TaskSpec spec = namespaces.specOfRun(runId);
        return spec.ray() == null ? Optional.empty() : Optional.of("http://" + TasklaneLabels.runObjectName(runId) + "-head-svc."
                + namespaces.ofProject(spec.project()) + ".svc:" + RayServiceFactory.DASHBOARD_PORT + "/");
    }
}
