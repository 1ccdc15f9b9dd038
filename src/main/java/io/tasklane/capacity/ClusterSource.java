package io.tasklane.capacity;

/** Who owns a cluster's definition: the configuration file (synced at start) or the admin API. */
public enum ClusterSource {
    CONFIG,
    API
}
