package io.tasklane.capacity;

/** The nodes or SKUs of {@code cluster} were written (created, edited, synced from configuration or a runtime). */
public record CapacityChanged(String cluster) {
}
