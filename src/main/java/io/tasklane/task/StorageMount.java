package io.tasklane.task;

/** A named volume (a PersistentVolumeClaim on Kubernetes) mounted into every replica. */
public record StorageMount(String name, String mountPath, Boolean readOnly) {
}
