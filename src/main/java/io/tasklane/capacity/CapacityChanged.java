package io.tasklane.capacity;

import io.tasklane.common.ClusterName;
import org.jmolecules.event.annotation.DomainEvent;

/** The nodes or SKUs of {@code cluster} were written (created, edited, synced from configuration or a runtime). */
@DomainEvent
public record CapacityChanged(ClusterName cluster) {
}
