package io.tasklane.runtime.local;

import java.util.ArrayList;
import java.util.List;

import io.tasklane.task.TaskSpec;

/** The command line of one local replica of a command entry: the command as given, then its args. */
final class ReplicaCommand {

    private ReplicaCommand() {
    }

    static List<String> of(TaskSpec spec) {
        List<String> command = new ArrayList<>(spec.command());
        if (spec.args() != null) {
            command.addAll(spec.args());
        }
        return command;
    }
}
