package io.tasklane.queue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.tasklane.common.DaemonThreads;
import io.tasklane.task.AfterCommit;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks for a dispatch pass over a cluster once the current transaction commits. Requests that arrive
 * while a pass for the cluster is already waiting to run are folded into it: a burst of releases or
 * starts costs one pass, not one each.
 */
@Component
public class DispatchRequests {

    private static final Logger log = LoggerFactory.getLogger(DispatchRequests.class);

    private final Dispatcher dispatcher;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named("dispatch"));

    DispatchRequests(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public void afterCommit(String cluster) {
        AfterCommit.run(() -> request(cluster));
    }

    private void request(String cluster) {
        if (!pending.add(cluster)) {
            return;
        }
        executor.execute(() -> {
            pending.remove(cluster);
            try {
                dispatcher.dispatch(cluster);
            } catch (RuntimeException e) {
                log.warn("Dispatch of {} failed; the sweep retries: {}", cluster, e.toString());
            }
        });
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
