package io.tasklane.runtime.local;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.tasklane.common.DaemonThreads;
import io.tasklane.common.RunId;
import io.tasklane.runtime.InstanceRepository;
import io.tasklane.task.RunRepository;
import io.tasklane.task.TaskEvent;
import io.tasklane.task.TaskEventLog;
import io.tasklane.task.TaskRun;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends replica processes that Tasklane launched but never recorded. A deployment starts host processes
 * before its transaction commits their instances; a Tasklane killed in between leaves them running on
 * the run's GPUs, unwatched, and the retried deployment starts a second set on the same GPUs. At start
 * and at every sweep, a replica process of this runs directory is ended unless something vouches for it:
 * this runtime launched it and looks after it, another live Tasklane launched it (its record may still be
 * on its way), or the database records it (its run, replica index and pid). Each one ended is written in
 * its task's history.
 */
@Component
@Order(45) // after RunRecovery has taken back the replicas it recorded
class OrphanReaper implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrphanReaper.class);

    private final LocalRuntime runtime;
    private final LocalRuntimeProperties properties;
    private final RunRepository runs;
    private final InstanceRepository instances;
    private final TaskEventLog history;
    private final Clock clock;
    /** Orphans being ended (their grace period): not reaped, nor written down, a second time. */
    private final Set<Long> ending = ConcurrentHashMap.newKeySet();
    private final ExecutorService terminations = Executors.newCachedThreadPool(DaemonThreads.named("orphan-reaper"));

    OrphanReaper(LocalRuntime runtime, LocalRuntimeProperties properties, RunRepository runs, InstanceRepository instances,
                 TaskEventLog history, Clock clock) {
        this.runtime = runtime;
        this.properties = properties;
        this.runs = runs;
        this.instances = instances;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        reap();
    }

    @Scheduled(fixedDelayString = "${tasklane.runs.sweep-interval:5s}", initialDelayString = "${tasklane.runs.sweep-interval:5s}")
    void sweep() {
        try {
            reap();
        } catch (RuntimeException e) {
            log.warn("Looking for orphan replica processes failed; the next sweep retries: {}", e.toString());
        }
    }

    /** Ends every orphan found now. The host is read before this runtime's own state, which is read before the database. */
    synchronized void reap() {
        var found = HostReplicas.list().stream().filter(f -> f.marker().under(properties.runsDir())).toList();
        if (found.isEmpty()) {
            return;
        }
        LocalRuntime.Known known = runtime.known();
        for (HostReplicas.Found replica : found) {
            long pid = replica.process().pid();
            if (ending.contains(pid) || known.covers(replica.marker(), pid) || launchedByAnotherLiveTasklane(replica.marker())) {
                continue;
            }
            orphanOf(replica).ifPresent(run -> end(replica, run));
        }
    }

    private boolean launchedByAnotherLiveTasklane(ReplicaMarker marker) {
        LauncherId launcher = marker.launchedBy();
        return launcher != null && !launcher.equals(runtime.launcherId()) && launcher.isAlive();
    }

    /** The replica's run, if the database knows the run but not this process as one of its replicas. */
    private Optional<TaskRun> orphanOf(HostReplicas.Found replica) {
        ReplicaMarker marker = replica.marker();
        RunId runId = new RunId(marker.runId());
        Optional<TaskRun> run = runs.findById(runId);
        if (run.isEmpty()) {
            // Not a run of this database (another installation sharing the directory?): not ours to end.
            return Optional.empty();
        }
        boolean recorded = instances.forRun(runId).stream()
                .anyMatch(i -> i.index() == marker.index() && Objects.equals(i.pid(), replica.process().pid()));
        return recorded ? Optional.empty() : run;
    }

    private void end(HostReplicas.Found replica, TaskRun run) {
        ReplicaMarker marker = replica.marker();
        long pid = replica.process().pid();
        ending.add(pid);
        String reason = "ended an orphan: replica " + marker.index() + " of run " + marker.runId() + " (pid " + pid
                + ") was running without a record, launched by a Tasklane that stopped before recording it; it would"
                + " have held the run's GPUs next to the replicas Tasklane watches";
        history.append(run.taskId(), clock.instant(), "tasklane", TaskEvent.ORPHAN_REAPED, null, null, reason);
        log.warn("Ending orphan replica {} of run {} (pid {}), launched by {} and never recorded", marker.index(),
                marker.runId(), pid, marker.launchedBy());
        ReplicaProcess process = new ReplicaProcess(marker.runId(), marker.index(), replica.process(), marker.exitFile(), null);
        terminations.execute(() -> {
            try {
                process.terminate(properties.stopGracePeriod());
            } finally {
                ending.remove(pid);
            }
        });
    }

    @PreDestroy
    void shutdown() {
        terminations.shutdownNow();
    }
}
