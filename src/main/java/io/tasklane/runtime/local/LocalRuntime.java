package io.tasklane.runtime.local;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.ClusterName;
import io.tasklane.common.DaemonThreads;
import io.tasklane.common.RunId;
import io.tasklane.runtime.DeployFailedException;
import io.tasklane.runtime.InstanceListener;
import io.tasklane.runtime.InstanceState;
import io.tasklane.runtime.LaunchRequest;
import io.tasklane.runtime.LaunchedReplica;
import io.tasklane.runtime.LaunchedRun;
import io.tasklane.runtime.ReplicaCounts;
import io.tasklane.runtime.ReplicaLaunch;
import io.tasklane.runtime.RunInstance;
import io.tasklane.runtime.TaskRuntime;
import io.tasklane.task.TaskKind;
import io.tasklane.task.TaskSpec;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs each replica as a process on this host: the task's command with its env, CUDA_VISIBLE_DEVICES set
 * to the replica's GPUs, a PORT of its own, and stdout and stderr in a log file per replica. A job is
 * started once its processes are; a service is ready when its port accepts connections. A Ray Serve task
 * is one Ray head and one Serve application for the whole run instead ({@link RayServeHeads}), ready when
 * Serve says the application runs.
 */
@Component
class LocalRuntime implements TaskRuntime {

    private static final Logger log = LoggerFactory.getLogger(LocalRuntime.class);

    private final LocalRuntimeProperties properties;
    private final Clock clock;
    private final Map<String, List<ReplicaProcess>> running = new ConcurrentHashMap<>();
    /** Runs with replicas launched and not yet armed or aborted: their records may not be committed yet. */
    private final Map<String, Integer> launching = new ConcurrentHashMap<>();
    /** Replicas taken out of {@link #running} that are still being stopped (their grace period). */
    private final Set<Long> stopping = ConcurrentHashMap.newKeySet();
    private final LauncherId self = LauncherId.thisJvm();
    private final PortBook portBook = new PortBook();
    private final ScheduledExecutorService probes = Executors.newScheduledThreadPool(1, DaemonThreads.named("local-runtime-probe"));
    private final ClusterService clusters;
    private final RayServeHeads rayHeads;

    LocalRuntime(LocalRuntimeProperties properties, Clock clock, ClusterService clusters) {
        this.properties = properties;
        this.clock = clock;
        this.clusters = clusters;
        this.rayHeads = new RayServeHeads(properties, clock, self, probes);
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public LaunchedRun launch(LaunchRequest request) {
        if (request.spec().ray() != null) {
            return launchRayServe(request);
        }
        String runId = request.runId().value();
        Path runDir = properties.runsDir().resolve(runId).toAbsolutePath();
        List<ReplicaProcess> started = new ArrayList<>();
        List<LaunchedReplica> launched = new ArrayList<>();
        List<Integer> ports = List.of();
        launching.merge(runId, 1, Integer::sum);
        try {
            Files.createDirectories(runDir);
            ports = portBook.take(request.replicas().size());
            LocalRendezvous rendezvous = LocalRendezvous.of(request, ports, runDir);
            for (int i = 0; i < request.replicas().size(); i++) {
                ReplicaLaunch replica = request.replicas().get(i);
                int port = ports.get(i);
                TaskSpec spec = request.specOf(replica.index());
                List<String> command = ReplicaCommand.of(spec);
                requireProgram(command.get(0));
                Path logFile = runDir.resolve("replica-" + replica.index() + ".log");
                Path exitFile = runDir.resolve("replica-" + replica.index() + ".exit");
                Files.deleteIfExists(exitFile);
                ProcessBuilder builder = new ProcessBuilder(ReplicaProcess.wrap(command))
                        .directory(properties.workingPath().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
                Map<String, String> env = builder.environment();
                env.putAll(spec.env());
                env.put("CUDA_VISIBLE_DEVICES", replica.gpus().stream().map(String::valueOf).collect(Collectors.joining(",")));
                env.put("PORT", String.valueOf(port));
                env.putAll(rendezvous.envOf(replica.index()));
                // In the process from its fork on: what finds it should Tasklane die before recording it.
                env.putAll(new ReplicaMarker(runId, request.taskId().value(), replica.index(), exitFile, self).asEnvironment());
                Process process = builder.start();
                started.add(new ReplicaProcess(runId, replica.index(), process.toHandle(), exitFile, port));
                // The operating system's start time, which adoption compares with /proc after a restart: the
                // injectable clock may differ from the host's (a test sets it), and a pid is only checked against the host's.
                Instant launchedAt = process.info().startInstant().orElseGet(clock::instant);
                launched.add(new LaunchedReplica(replica.index(), process.pid(), port, logFile.toString(), launchedAt));
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(p -> p.terminate(Duration.ZERO));
            ports.forEach(portBook::release);
            launchSettled(runId);
            if (e instanceof RuntimeException unexpected) {
                throw unexpected; // a DeployFailedException, or a bug: nothing of the run is left behind either way
            }
            throw new DeployFailedException("could not start a replica: " + e.getMessage(), e);
        }
        return new LocalLaunch(request, started, launched);
    }

    /** One Ray head and Serve application for the whole run (see {@link RayServeHeads}). */
    private LaunchedRun launchRayServe(LaunchRequest request) {
        String runId = request.runId().value();
        launching.merge(runId, 1, Integer::sum);
        try {
            return rayHeads.launch(request, gpusOf(request.spec()),
                    head -> running.computeIfAbsent(runId, id -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(head),
                    () -> launchSettled(runId));
        } catch (IOException | RuntimeException e) {
            launchSettled(runId);
            throw e instanceof DeployFailedException d ? d
                    : new DeployFailedException("could not start the Ray head: " + e.getMessage(), e);
        }
    }

    private RayServeHeads.Gpus gpusOf(TaskSpec spec) {
        VirtualCluster cluster = clusters.find(new ClusterName(spec.cluster()));
        return new RayServeHeads.Gpus(cluster.hasGpus(), cluster.sku() == null ? 1 : cluster.sku().gpus());
    }

    /**
     * A Ray Serve run's size changes inside its application (Serve adds and drains replicas), which Ray can
     * only do with GPUs it was started with: on a host with GPUs its head holds exactly the run's GPUs, so
     * such a run keeps its size; on a host without GPUs it is resized in place.
     */
    @Override
    public boolean resizesRunningRun(RunId runId, TaskSpec spec) {
        return spec.ray() == null || !gpusOf(spec).real();
    }

    @Override
    public void resize(LaunchRequest request) {
        if (request.spec().ray() != null) {
            rayHeads.resize(request, gpusOf(request.spec()));
        }
    }

    @Override
    public Optional<String> dashboardOf(RunId runId) {
        return rayHeads.of(runId).flatMap(RayServeRun::status).map(ServeStatus::dashboard).filter(d -> !d.isBlank())
                .map(d -> d.startsWith("http") ? d : "http://" + d + "/");
    }

    @Override
    public Optional<ReplicaCounts> replicaCountsOf(RunId runId) {
        return rayHeads.of(runId).flatMap(RayServeRun::status)
                .map(s -> new ReplicaCounts((int) s.running(), (int) s.starting(), s.targetReplicas()));
    }

    /** Fails fast with a clear reason when the program to run does not exist, instead of an exit 127 later. */
    private void requireProgram(String program) {
        boolean found;
        if (program.contains("/")) {
            Path path = properties.workingPath().resolve(program);
            found = Files.isExecutable(path);
        } else {
            String pathVariable = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
            found = false;
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                    found = true;
                    break;
                }
            }
        }
        if (!found) {
            throw new DeployFailedException("program '" + program + "' was not found or is not executable on this host", null);
        }
    }

    private final class LocalLaunch implements LaunchedRun {
        private final LaunchRequest request;
        private final List<ReplicaProcess> processes;
        private final List<LaunchedReplica> launched;

        LocalLaunch(LaunchRequest request, List<ReplicaProcess> processes, List<LaunchedReplica> launched) {
            this.request = request;
            this.processes = processes;
            this.launched = launched;
        }

        @Override
        public List<LaunchedReplica> replicas() {
            return launched;
        }

        @Override
        public void arm(InstanceListener listener) {
            // Appends: a grow launches more replicas of a run that already has some.
            running.computeIfAbsent(request.runId().value(), id -> new java.util.concurrent.CopyOnWriteArrayList<>()).addAll(processes);
            launchSettled(request.runId().value()); // after the processes are in running: never out of both
            for (ReplicaProcess process : processes) {
                watch(process, listener, request.spec().kind() == TaskKind.SERVICE);
            }
        }

        @Override
        public void abort() {
            processes.forEach(p -> p.terminate(Duration.ZERO));
            processes.forEach(p -> portBook.release(p.port));
            launchSettled(request.runId().value());
        }
    }

    private void watch(ReplicaProcess process, InstanceListener listener, boolean probeReadiness) {
        ScheduledFuture<?> probe = probeReadiness ? probeUntilReady(process, listener) : null;
        process.handle.onExit().thenRun(() -> {
            portBook.release(process.port);
            if (probe != null) {
                probe.cancel(false);
            }
            if (!process.stopping) {
                Integer code = process.recordedExitCode().orElse(null);
                listener.exited(new RunId(process.runId), process.index, code, code == null ? "the replica process ended without an exit status (killed by a signal?)" : null);
            }
        });
    }

    private ScheduledFuture<?> probeUntilReady(ReplicaProcess process, InstanceListener listener) {
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        self[0] = probes.scheduleWithFixedDelay(() -> {
            if (process.stopping || !process.handle.isAlive()) {
                self[0].cancel(false);
                return;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", process.port), 200);
                self[0].cancel(false);
                listener.ready(new RunId(process.runId), process.index);
            } catch (IOException notYet) {
                // not listening yet
            }
        }, 0, properties.readinessPollInterval().toMillis(), TimeUnit.MILLISECONDS);
        return self[0];
    }

    @Override
    public void stop(RunId run, List<RunInstance> instances, Duration grace) {
        String runId = run.value();
        if (rayHeads.stop(run, instances, grace)) {
            running.computeIfPresent(runId, (id, rest) -> {
                rest.removeIf(p -> !p.handle.isAlive());
                return rest.isEmpty() ? null : rest;
            });
            return;
        }
        // Only the replicas asked for: a shrink stops some replicas of a run and keeps the others.
        Set<Integer> indices = instances.stream().map(RunInstance::index).collect(Collectors.toSet());
        List<ReplicaProcess> asked = running.getOrDefault(runId, List.of()).stream().filter(p -> indices.contains(p.index)).toList();
        asked.forEach(p -> stopping.add(p.handle.pid())); // before they leave running: never out of both
        // Forget what is being stopped and what has ended; drop the run once nothing of it is left.
        running.computeIfPresent(runId, (id, rest) -> {
            rest.removeIf(p -> asked.contains(p) || !p.handle.isAlive());
            return rest.isEmpty() ? null : rest;
        });
        List<ReplicaProcess> processes = asked;
        if (processes.isEmpty()) {
            // Launched by a Tasklane that has since restarted: find the processes by pid.
            processes = instances.stream().filter(i -> i.pid() != null && i.launchedAt() != null)
                    .flatMap(i -> ProcessHandle.of(i.pid()).stream()
                            .filter(h -> ReplicaProcess.isSameProcess(h, i.launchedAt()))
                            .map(h -> new ReplicaProcess(runId, i.index(), h, exitFileOf(i), i.port())))
                    .filter(distinctPids())
                    .toList();
        }
        processes.forEach(p -> p.stopping = true);
        boolean rayHead = rayHeads.isRayServeRun(run);
        processes.parallelStream().forEach(p -> p.terminate(grace, rayHead));
        asked.forEach(p -> stopping.remove(p.handle.pid()));
    }

    private void launchSettled(String runId) {
        launching.computeIfPresent(runId, (id, count) -> count > 1 ? count - 1 : null);
    }

    /** What this runtime launched and still looks after: no orphans, whatever the database says yet. */
    record Known(Set<String> launchingRuns, Set<Long> pids) {
        boolean covers(ReplicaMarker marker, long pid) {
            return launchingRuns.contains(marker.runId()) || pids.contains(pid);
        }
    }

    /**
     * A snapshot of {@link Known}, read in the order processes move (launching, then running, then
     * stopping), so one that moves while it is read is seen in one place or the other.
     */
    Known known() {
        Set<String> launchingRuns = Set.copyOf(launching.keySet());
        Set<Long> pids = new java.util.HashSet<>();
        running.values().forEach(list -> list.forEach(p -> pids.add(p.handle.pid())));
        pids.addAll(stopping);
        pids.addAll(rayHeads.pids());
        return new Known(launchingRuns, pids);
    }

    /** This JVM, as its replicas name their launcher. */
    LauncherId launcherId() {
        return self;
    }

    @Override
    public Optional<Path> logFile(RunInstance instance) {
        return Optional.ofNullable(instance.logPath()).map(Path::of).filter(Files::isRegularFile);
    }

    @Override
    public boolean adopt(RunInstance instance, boolean service, InstanceListener listener) {
        String runId = instance.runId().value();
        if (rayHeads.isRayServeRun(instance.runId())) {
            return adoptRayServe(instance, listener);
        }
        ReplicaProcess process = Optional.ofNullable(instance.pid()).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(h -> instance.launchedAt() != null && ReplicaProcess.isSameProcess(h, instance.launchedAt()))
                .map(h -> new ReplicaProcess(runId, instance.index(), h, exitFileOf(instance), instance.port()))
                .orElse(null);
        if (process == null) {
            Integer code = new ReplicaProcess(runId, instance.index(), ProcessHandle.current(), exitFileOf(instance), null)
                    .recordedExitCode().orElse(null);
            listener.exited(instance.runId(), instance.index(), code,
                    code == null ? "the replica process vanished while Tasklane was down" : null);
            return false;
        }
        running.computeIfAbsent(runId, id -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(process);
        portBook.hold(process.port);
        watch(process, listener, service && instance.state() == InstanceState.STARTED && instance.port() != null);
        log.info("Adopted replica {} of run {} (pid {}) after a restart", instance.index(), instance.runId(), instance.pid());
        return true;
    }

    /** A slot of a Ray Serve run: its run's head is watched once, every slot is added to it. */
    private boolean adoptRayServe(RunInstance instance, InstanceListener listener) {
        String runId = instance.runId().value();
        Path exitFile = rayHeads.exitFileOf(instance.runId());
        boolean adopted = rayHeads.adopt(instance, listener, () -> Optional.ofNullable(instance.pid()).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(h -> instance.launchedAt() != null && ReplicaProcess.isSameProcess(h, instance.launchedAt()))
                .map(h -> new ReplicaProcess(runId, instance.index(), h, exitFile, instance.port())));
        if (!adopted) {
            Integer code = new ReplicaProcess(runId, instance.index(), ProcessHandle.current(), exitFile, null).recordedExitCode().orElse(null);
            listener.exited(instance.runId(), instance.index(), code, "the Ray head of the run vanished while Tasklane was down");
            return false;
        }
        running.computeIfAbsent(runId, id -> new java.util.concurrent.CopyOnWriteArrayList<>());
        running.computeIfPresent(runId, (id, list) -> {
            if (list.stream().noneMatch(p -> p.handle.pid() == instance.pid())) {
                rayHeads.of(instance.runId()).ifPresent(r -> list.add(r.head));
            }
            return list;
        });
        log.info("Adopted slot {} of Ray Serve run {} (head pid {}) after a restart", instance.index(), runId, instance.pid());
        return true;
    }

    private static java.util.function.Predicate<ReplicaProcess> distinctPids() {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        return p -> seen.add(p.handle.pid());
    }

    private Path exitFileOf(RunInstance instance) {
        Path logPath = instance.logPath() == null ? properties.runsDir().resolve(instance.runId().value()).resolve("x")
                : Path.of(instance.logPath());
        return logPath.resolveSibling("replica-" + instance.index() + ".exit");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @PreDestroy
    void shutdown() {
        // Replicas keep running across a Tasklane restart; they are adopted on the next start.
        probes.shutdownNow();
    }
}
