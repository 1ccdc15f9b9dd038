package io.tasklane.usage;

import org.jmolecules.event.annotation.DomainEvent;

/** A project's quota on {@code cluster} was set, changed or removed: what may be admitted there changed. */
@DomainEvent
public record QuotaChanged(String cluster) {
}
