package io.tasklane.capacity;

/** The unit GPUs are handed out in on a cluster: this many GPUs with this much CPU and memory. */
public record Sku(int gpus, int cpu, int memoryGib) {
}
