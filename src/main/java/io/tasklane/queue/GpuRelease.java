package io.tasklane.queue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.tasklane.capacity.AllocationRepository;
import io.tasklane.task.AfterCommit;
import io.tasklane.task.RunId;
import io.tasklane.task.RunRepository;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Frees a run's GPUs, and once that has committed, lets its cluster's queue move (a dispatch pass). */
@Component
public class GpuRelease {

    private static final Logger log = LoggerFactory.getLogger(GpuRelease.class);

    private final AllocationRepository allocations;
    private final RunRepository runs;
    private final Dispatcher dispatcher;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dispatch-after-release");
        thread.setDaemon(true);
        return thread;
    });

    GpuRelease(AllocationRepository allocations, RunRepository runs, Dispatcher dispatcher) {
        this.allocations = allocations;
        this.runs = runs;
        this.dispatcher = dispatcher;
    }

    /** Idempotent: releasing a run that holds nothing changes nothing. */
    public void release(RunId runId) {
        if (allocations.release(runId.value()) == 0) {
            return;
        }
        String cluster = runs.findById(runId).orElseThrow().cluster();
        AfterCommit.run(() -> executor.execute(() -> {
            try {
                dispatcher.dispatch(cluster);
            } catch (RuntimeException e) {
                log.warn("Dispatch of {} after a release failed; the sweep retries: {}", cluster, e.toString());
            }
        }));
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
