package io.tasklane.runtime.simulated;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.tasklane.common.DaemonThreads;
import io.tasklane.common.RunId;
import io.tasklane.runtime.InstanceListener;
import io.tasklane.runtime.LaunchRequest;
import io.tasklane.runtime.LaunchedReplica;
import io.tasklane.runtime.LaunchedRun;
import io.tasklane.runtime.ReplicaLaunch;
import io.tasklane.runtime.RunInstance;
import io.tasklane.runtime.TaskRuntime;
import io.tasklane.task.TaskKind;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * Pretends to run replicas on fake nodes, like kwok does for Kubernetes: a replica "starts" after the
 * start delay, a job's replica "exits" after the run time (with code 1 at the failure rate), a
 * service's runs until stopped. Clusters declared with {@code runtime: simulated} use it.
 */
@Component
class SimulatedRuntime implements TaskRuntime {

    private final SimulatedRuntimeProperties properties;
    private final Clock clock;
    private final Map<RunId, List<ScheduledFuture<?>>> scheduled = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, DaemonThreads.named("simulated-runtime"));

    SimulatedRuntime(SimulatedRuntimeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "simulated";
    }

    @Override
    public LaunchedRun launch(LaunchRequest request) {
        List<LaunchedReplica> replicas = request.replicas().stream()
                .map(r -> new LaunchedReplica(r.index(), null, null, null, clock.instant())).toList();
        return new LaunchedRun() {
            @Override
            public List<LaunchedReplica> replicas() {
                return replicas;
            }

            @Override
            public void arm(InstanceListener listener) {
                List<ScheduledFuture<?>> futures = new ArrayList<>();
                for (ReplicaLaunch replica : request.replicas()) {
                    futures.addAll(simulate(request, replica.index(), listener));
                }
                // Appends: a grow launches more replicas of a run that already has some.
                scheduled.merge(request.runId(), futures, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
            }

            @Override
            public void abort() {
                // nothing was started for real
            }
        };
    }

    private List<ScheduledFuture<?>> simulate(LaunchRequest request, int index, InstanceListener listener) {
        long start = properties.startDelay().toMillis();
        List<ScheduledFuture<?>> futures = new ArrayList<>();
        if (request.spec().kind() == TaskKind.SERVICE) {
            futures.add(timers.schedule(() -> listener.ready(request.runId(), index), start, TimeUnit.MILLISECONDS));
            return futures;
        }
        boolean fails = ThreadLocalRandom.current().nextDouble() < properties.failureRate();
        futures.add(timers.schedule(() -> listener.exited(request.runId(), index, fails ? 1 : 0, null),
                start + properties.runTime().toMillis(), TimeUnit.MILLISECONDS));
        return futures;
    }

    @Override
    public void stop(RunId runId, List<RunInstance> instances, Duration grace) {
        Optional.ofNullable(scheduled.remove(runId)).ifPresent(futures -> futures.forEach(f -> f.cancel(false)));
    }

    @Override
    public Optional<Path> logFile(RunInstance instance) {
        return Optional.empty();
    }

    @Override
    public boolean adopt(RunInstance instance, boolean service, InstanceListener listener) {
        listener.exited(instance.runId(), instance.index(), null, "a simulated replica does not survive a restart");
        return false;
    }

    @PreDestroy
    void shutdown() {
        timers.shutdownNow();
    }
}
