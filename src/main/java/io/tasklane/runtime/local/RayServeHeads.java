package io.tasklane.runtime.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.tasklane.common.RunId;
import io.tasklane.runtime.DeployFailedException;
import io.tasklane.runtime.InstanceListener;
import io.tasklane.runtime.LaunchRequest;
import io.tasklane.runtime.LaunchedReplica;
import io.tasklane.runtime.LaunchedRun;
import io.tasklane.runtime.ReplicaLaunch;
import io.tasklane.runtime.RunInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local runtime's Ray Serve runs: per run one Ray head on this host, started by the driver
 * {@code tasklane_serve.py} with the Python next to the configured {@code serve} executable, holding
 * every GPU allocated to the run ({@code CUDA_VISIBLE_DEVICES}, and {@code num_gpus} to match), serving
 * one application on the run's port. A grow or shrink rewrites the Serve config, which the live head
 * deploys again: no restart.
 */
final class RayServeHeads {

    private static final Logger log = LoggerFactory.getLogger(RayServeHeads.class);
    static final String DRIVER = "tasklane_serve.py";

    /** What a Ray head needs from the cluster: whether its SKUs are GPUs, and how many GPUs one SKU is. */
    record Gpus(boolean real, int perSku) {
    }

    private final LocalRuntimeProperties properties;
    private final Clock clock;
    private final LauncherId self;
    private final ScheduledExecutorService probes;
    private final Map<String, RayServeRun> heads = new ConcurrentHashMap<>();
    /** Dashboard ports handed to heads that run: never two runs on one. */
    private final Set<Integer> dashboardPorts = ConcurrentHashMap.newKeySet();

    RayServeHeads(LocalRuntimeProperties properties, Clock clock, LauncherId self, ScheduledExecutorService probes) {
        this.properties = properties;
        this.clock = clock;
        this.self = self;
        this.probes = probes;
    }

    Optional<RayServeRun> of(RunId runId) {
        return Optional.ofNullable(heads.get(runId.value())).filter(r -> r.head.handle.isAlive());
    }

    /**
     * Starts the run's head, or, when it runs already (a grow), has it deploy the bigger config once the
     * grow is committed. {@code known} registers the head with the runtime's bookkeeping (orphans).
     */
    LaunchedRun launch(LaunchRequest request, Gpus gpus, java.util.function.Consumer<ReplicaProcess> known,
                       Runnable settled) throws IOException {
        Optional<RayServeRun> running = of(request.runId());
        if (running.isPresent()) {
            return grow(request, gpus, running.get(), settled);
        }
        String runId = request.runId().value();
        Path runDir = properties.runsDir().resolve(runId).toAbsolutePath();
        Files.createDirectories(runDir);
        int port = LocalRuntime.freePort();
        int dashboardPort = freeDashboardPort();
        List<Integer> allGpus = gpus.real() ? request.replicas().stream().flatMap(r -> r.gpus().stream()).distinct().sorted().toList()
                : List.of();
        RayServeRun.writeConfig(runDir, config(request, gpus, port));
        Files.deleteIfExists(runDir.resolve(RayServeRun.STATUS_FILE));
        Path driver = runDir.resolve(DRIVER);
        try (InputStream script = RayServeHeads.class.getResourceAsStream(DRIVER)) {
            Files.copy(script, driver, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = List.of(python().toString(), driver.toString(), "--config", runDir.resolve(RayServeRun.CONFIG_FILE).toString(),
                "--status", runDir.resolve(RayServeRun.STATUS_FILE).toString(),
                "--working-dir", properties.workingPath().toString(),
                "--num-gpus", String.valueOf(allGpus.size()), "--dashboard-port", String.valueOf(dashboardPort));
        Path logFile = runDir.resolve(RayServeRun.HEAD_LOG);
        Path exitFile = runDir.resolve(RayServeRun.HEAD_EXIT);
        Files.deleteIfExists(exitFile);
        int markerIndex = request.replicas().stream().mapToInt(ReplicaLaunch::index).min().orElse(0);
        ProcessBuilder builder = new ProcessBuilder(ReplicaProcess.wrap(command))
                .directory(properties.workingPath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(request.spec().env());
        env.put("CUDA_VISIBLE_DEVICES", allGpus.stream().map(String::valueOf).collect(Collectors.joining(",")));
        env.put("PORT", String.valueOf(port));
        env.put("RAY_USAGE_STATS_ENABLED", "0");
        env.putAll(new ReplicaMarker(runId, request.taskId().value(), markerIndex, exitFile, self).asEnvironment());
        Process process = builder.start();
        dashboardPorts.add(dashboardPort);
        ReplicaProcess head = new ReplicaProcess(runId, markerIndex, process.toHandle(), exitFile, port);
        RayServeRun run = new RayServeRun(request.runId(), head, runDir, dashboardPort);
        List<LaunchedReplica> launched = request.replicas().stream()
                .map(r -> new LaunchedReplica(r.index(), process.pid(), port, logFile.toString(), clock.instant())).toList();
        return new LaunchedRun() {
            @Override
            public List<LaunchedReplica> replicas() {
                return launched;
            }

            @Override
            public void arm(InstanceListener listener) {
                run.listener = listener;
                request.replicas().forEach(r -> run.slots.add(r.index()));
                heads.put(runId, run);
                known.accept(head);
                settled.run();
                watch(run);
            }

            @Override
            public void abort() {
                head.terminate(Duration.ZERO);
                dashboardPorts.remove(dashboardPort);
                settled.run();
            }
        };
    }

    private LaunchedRun grow(LaunchRequest request, Gpus gpus, RayServeRun run, Runnable settled) {
        Integer port = run.head.port;
        List<LaunchedReplica> launched = request.replicas().stream()
                .map(r -> new LaunchedReplica(r.index(), run.head.handle.pid(), port, run.runDir.resolve(RayServeRun.HEAD_LOG).toString(),
                        clock.instant())).toList();
        return new LaunchedRun() {
            @Override
            public List<LaunchedReplica> replicas() {
                return launched;
            }

            @Override
            public void arm(InstanceListener listener) {
                request.replicas().forEach(r -> run.slots.add(r.index()));
                settled.run();
                // Only now, committed: a grow that rolled back never reaches Serve.
                deploy(run, new ServeConfig(request.spec().ray(), port, request.minReplicas(), request.maxReplicas(),
                        gpusPerReplica(request, gpus)));
            }

            @Override
            public void abort() {
                settled.run();
            }
        };
    }

    /** Has the run's live head deploy the run's new size (a shrink, or a changed range); nothing if it is not running. */
    void resize(LaunchRequest request, Gpus gpus) {
        of(request.runId()).ifPresent(run -> deploy(run, new ServeConfig(request.spec().ray(), run.head.port,
                request.minReplicas(), request.maxReplicas(), gpusPerReplica(request, gpus))));
    }

    private void deploy(RayServeRun run, ServeConfig config) {
        try {
            run.configWritten(RayServeRun.writeConfig(run.runDir, config));
            log.info("Run {}: Serve config rewritten for {}..{} replica(s); its Ray head deploys it", run.runId,
                    config.minReplicas(), config.maxReplicas());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write the Serve config of run " + run.runId, e);
        }
    }

    /**
     * Stops the slots asked for. All of the run's slots: the head, and with it Ray and Serve (SIGTERM to the
     * driver, which shuts Serve and Ray down; after the grace period SIGKILL to its whole session). Some of
     * them (a shrink): they are only forgotten; the resize that follows deploys the smaller config.
     * Returns false when this runtime does not know the run's head (launched before a restart, not adopted).
     */
    boolean stop(RunId runId, List<RunInstance> instances, Duration grace) {
        RayServeRun run = heads.get(runId.value());
        if (run == null) {
            return false;
        }
        Set<Integer> asked = instances.stream().map(RunInstance::index).collect(Collectors.toSet());
        if (!asked.containsAll(run.slots) && run.head.handle.isAlive()) {
            run.slots.removeAll(asked);
            return true;
        }
        stopHead(run, grace);
        return true;
    }

    private void stopHead(RayServeRun run, Duration grace) {
        run.head.stopping = true;
        run.head.terminate(grace, true);
        heads.remove(run.runId.value(), run);
        dashboardPorts.remove(run.dashboardPort);
    }

    /** Watches a head again after a restart (each of its slots is adopted on its own); false if it is gone. */
    boolean adopt(RunInstance instance, InstanceListener listener, Supplier<Optional<ReplicaProcess>> alive) {
        String runId = instance.runId().value();
        RayServeRun run = heads.get(runId);
        if (run == null) {
            Optional<ReplicaProcess> head = alive.get();
            if (head.isEmpty()) {
                return false;
            }
            run = new RayServeRun(instance.runId(), head.get(), properties.runsDir().resolve(runId).toAbsolutePath(),
                    dashboardPortOf(head.get()));
            run.listener = listener;
            heads.put(runId, run);
            dashboardPorts.add(run.dashboardPort);
            run.slots.add(instance.index());
            watch(run);
        } else {
            run.slots.add(instance.index());
        }
        return true;
    }

    /** The exit file of a Ray Serve run's head, for a slot read after a restart. */
    Path exitFileOf(RunId runId) {
        return properties.runsDir().resolve(runId.value()).resolve(RayServeRun.HEAD_EXIT);
    }

    boolean isRayServeRun(RunId runId) {
        return heads.containsKey(runId.value()) || RayServeRun.isRayServeRun(properties.runsDir().resolve(runId.value()));
    }

    Set<Long> pids() {
        return heads.values().stream().map(r -> r.head.handle.pid()).collect(Collectors.toSet());
    }

    private void watch(RayServeRun run) {
        long every = Math.max(250, properties.readinessPollInterval().toMillis());
        ScheduledFuture<?> polling = probes.scheduleWithFixedDelay(() -> {
            try {
                boolean failedNow = run.poll();
                if (failedNow) {
                    // Every slot is failed, so the run's clean-up has no live replica to stop: stop the head here.
                    probes.execute(() -> stopHead(run, properties.stopGracePeriod()));
                }
            } catch (RuntimeException e) {
                log.warn("Reading Serve's status of run {} failed: {}", run.runId, e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        run.head.handle.onExit().thenRun(() -> {
            polling.cancel(false);
            // Ray's helpers outlive a driver that was killed: nothing of the run may stay behind.
            run.head.killSession();
            if (!run.head.stopping) {
                heads.remove(run.runId.value(), run);
                dashboardPorts.remove(run.dashboardPort);
                run.headExited(run.head.recordedExitCode().orElse(null));
            }
        });
    }

    private ServeConfig config(LaunchRequest request, Gpus gpus, int port) {
        return new ServeConfig(request.spec().ray(), port, request.minReplicas(), request.maxReplicas(), gpusPerReplica(request, gpus));
    }

    /** The GPUs one Serve replica asks Ray for: one SKU's GPUs times the task's SKUs per replica; none without GPUs. */
    static int gpusPerReplica(LaunchRequest request, Gpus gpus) {
        if (!gpus.real()) {
            return 0;
        }
        Integer skus = request.spec().skuPerReplica();
        return gpus.perSku() * (skus == null ? 1 : skus);
    }

    /** The Python of the virtualenv that holds the configured {@code serve}: Ray's driver runs with it. */
    Path python() {
        String serve = properties.serveExecutable();
        Optional<Path> found;
        if (serve.contains("/")) {
            found = Optional.of(properties.workingPath().resolve(serve)).filter(Files::isExecutable);
        } else {
            String pathVariable = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
            found = java.util.Arrays.stream(pathVariable.split(java.io.File.pathSeparator)).filter(d -> !d.isEmpty())
                    .map(d -> Path.of(d, serve)).filter(Files::isExecutable).findFirst();
        }
        Path serveProgram = found.orElseThrow(() -> new DeployFailedException("Ray Serve's program '" + serve
                + "' (tasklane.runtime.local.serve-executable, from " + properties.workingPath()
                + ") was not found or is not executable on this host", null));
        for (String name : List.of("python", "python3")) {
            Path python = serveProgram.toAbsolutePath().resolveSibling(name);
            if (Files.isExecutable(python)) {
                return python;
            }
        }
        throw new DeployFailedException("no python beside Ray Serve's program " + serveProgram
                + ": Tasklane runs Ray with the Python of the environment that has 'serve'", null);
    }

    private int freeDashboardPort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = LocalRuntime.freePort();
            if (!dashboardPorts.contains(port)) {
                return port;
            }
        }
        throw new IOException("no free port for a Ray dashboard");
    }

    private static int dashboardPortOf(ReplicaProcess head) {
        List<String> args = head.handle.descendants().filter(p -> p.info().arguments()
                        .map(a -> java.util.Arrays.asList(a).contains("--dashboard-port")).orElse(false))
                .findFirst().flatMap(p -> p.info().arguments()).map(java.util.Arrays::asList).orElse(List.of());
        int at = args.indexOf("--dashboard-port");
        try {
            return at >= 0 && at + 1 < args.size() ? Integer.parseInt(args.get(at + 1)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
