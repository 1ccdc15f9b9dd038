package io.tasklane.queue;

import java.util.concurrent.ConcurrentHashMap;

import io.tasklane.capacity.CapacityChanged;
import io.tasklane.common.ClusterName;
import io.tasklane.common.OnCommitted;
import io.tasklane.usage.QuotaChanged;
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
    private final QuotaNotes quotaNotes;
    private final ApplicationEventPublisher events;
    /** Per cluster, the request whose pass has not begun yet: every request arriving now is answered by it. */
    private final ConcurrentHashMap<ClusterName, Object> nextPass = new ConcurrentHashMap<>();
    /** Per cluster, held while this instance runs a pass over it (passes of other instances wait on the row lock). */
    private final ConcurrentHashMap<ClusterName, Object> passing = new ConcurrentHashMap<>();

    DispatchRequests(Dispatcher dispatcher, QuotaNotes quotaNotes, ApplicationEventPublisher events) {
        this.dispatcher = dispatcher;
        this.quotaNotes = quotaNotes;
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

    /** A quota changed: runs that waited for it may start, and those still held back are told why again. */
    @OnCommitted
    void on(QuotaChanged changed) {
        ClusterName cluster = new ClusterName(changed.cluster());
        quotaNotes.clearStale(cluster, java.util.List.of());
        passOver(cluster);
    }

    /**
     * Makes sure a pass over the cluster begins after this call. If one is already waiting to begin, this
     * returns at once: that pass sees what the caller committed, and the request that started it stays in
     * the event registry until it has ended (delivered again if it fails, or after a crash), so it answers
     * for this one too. Waiting for it instead would hold an event thread that runs' processes need.
     */
    void passOver(ClusterName cluster) {
        Object mine = new Object();
        Object waiting = nextPass.putIfAbsent(cluster, mine);
        if (waiting != null) {
            return; // a pass that has not begun will see this request's change
        }
        synchronized (passing.computeIfAbsent(cluster, c -> new Object())) {
            nextPass.remove(cluster, mine); // from here on, requests fold into the pass after this one
            dispatcher.dispatch(cluster);
        }
    }
}
