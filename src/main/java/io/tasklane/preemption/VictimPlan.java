package io.tasklane.preemption;

import java.util.List;

/** What a force-start would do: kill these runs so the pinned task fits, or why no kill can make it fit. */
public sealed interface VictimPlan {

    /** The runs to kill, most preferred victim first; empty when the task fits already. */
    record Kill(List<RunningRun> victims) implements VictimPlan {
        public Kill {
            victims = List.copyOf(victims);
        }
    }

    /** No set of eligible victims frees room for the task; nothing is killed. */
    record Impossible(String reason) implements VictimPlan {
    }
}
