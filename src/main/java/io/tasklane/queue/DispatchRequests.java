package io.tasklane.queue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.tasklane.capacity.CapacityChanged;
import io.tasklane.common.ClusterName;
import io.tasklane.common.OnCommitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Dispatch passes owed to clusters. A request is an event ({@link DispatchRequested}) written with the change
 * that calls for it, so a crash between that commit and the pass loses nothing. Requests that arrive while a
 * pass over the cluster waits to begin are folded into it: a burst of releases costs one pass, not one each.
 */
@Component
public class DispatchRequests {

    private final Dispatcher dispatcher;
    private final ApplicationEventPublisher events;
    /** Per cluster, the pass not begun yet that every request arriving now is answered by. */
    private final ConcurrentHashMap<ClusterName, CompletableFuture<Void>> nextPass = new ConcurrentHashMap<>();
    /** Per cluster, held while this instance runs a pass over it (passes of other instances wait on the row lock). */
    private final ConcurrentHashMap<ClusterName, Object> passing = new ConcurrentHashMap<>();

    DispatchRequests(Dispatcher dispatcher, ApplicationEventPublisher events) {
        this.dispatcher = dispatcher;
        this.events = events;
    }

    /** Asks for a pass over {@code cluster} once the caller's transaction commits. */
    public void request(ClusterName cluster) {
        events.publishEvent(new DispatchRequested(cluster));
    }

    @OnCommitted
    void on(DispatchRequested requested) {
        passOver(requested.cluster());
    }

    @OnCommitted
    void on(CapacityChanged changed) {
        passOver(changed.cluster());
    }

    /**
     * Returns once a pass that began after this call has ended, so what the caller committed before was
     * seen by it. Throws if that pass failed (the request is then delivered again).
     */
    void passOver(ClusterName cluster) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> waiting = nextPass.putIfAbsent(cluster, mine);
        if (waiting != null) {
            waiting.join(); // a pass that has not begun will see this request's change
            return;
        }
        synchronized (passing.computeIfAbsent(cluster, c -> new Object())) {
            nextPass.remove(cluster, mine); // from here on, requests wait for the pass after this one
            try {
                dispatcher.dispatch(cluster);
                mine.complete(null);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            }
        }
    }
}
