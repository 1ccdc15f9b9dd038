package io.tasklane.task;

/**
 * How the replicas of a job with roles find each other: which rendezvous environment Tasklane gives them
 * besides its own ({@code TASKLANE_ROLE}, {@code TASKLANE_RANK}, ...).
 */
public enum Framework {
    /** {@code MASTER_ADDR}, {@code MASTER_PORT}, {@code WORLD_SIZE}, {@code RANK}, {@code LOCAL_RANK}. */
    PYTORCH_DDP,
    /** {@code TF_CONFIG} with the cluster of chief, workers and parameter servers and the replica's task. */
    TENSORFLOW_PS,
    /** A hostfile and the {@code mpirun} host list for the launcher (Horovod runs on it). */
    MPI,
    /** Only Tasklane's own variables. */
    CUSTOM
}
