package io.tasklane.queue;

import io.tasklane.common.ClusterName;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A dispatch pass over {@code cluster} is owed: its queue or its free GPUs changed (a run joined the queue,
 * GPUs were released, a pin was set or ended, a grow was asked for or withdrawn).
 */
@DomainEvent
public record DispatchRequested(ClusterName cluster) {
}
