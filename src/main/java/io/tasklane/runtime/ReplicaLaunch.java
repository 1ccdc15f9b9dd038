package io.tasklane.runtime;

import java.util.List;

/** One replica to launch: its index, its node and its GPU indices there. */
public record ReplicaLaunch(int index, String node, List<Integer> gpus) {
}
