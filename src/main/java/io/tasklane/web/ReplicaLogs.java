package io.tasklane.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tasklane.common.RunId;
import io.tasklane.runtime.Deployments;
import io.tasklane.runtime.LogTail;
import io.tasklane.runtime.RunInstance;
import io.tasklane.task.RunService;
import io.tasklane.task.Task;
import io.tasklane.task.TaskRun;
import org.springframework.stereotype.Component;

/**
 * The logs of a task's current run as the Task page follows them: each replica's last lines, then what each writes
 * after them, read from a byte offset the page keeps (so a followed log grows on the page past its first lines). The
 * caller has checked that the task or run may be seen.
 */
@Component
class ReplicaLogs {

    /** A piece read by one poll at most: a burst of output reaches the page over a few polls, not in one huge answer. */
    static final int PIECE_BYTES = 256 * 1024;

    private final RunService runs;
    private final Deployments deployments;

    ReplicaLogs(RunService runs, Deployments deployments) {
        this.runs = runs;
        this.deployments = deployments;
    }

    /** The current run's replicas with a log to show; {@code live} while the run is not over. */
    Current current(Task task) {
        if (task.currentRunId() == null) {
            return new Current(null, false, List.of());
        }
        TaskRun run = runs.get(task.currentRunId());
        return new Current(run.id(), !run.isOver(), deployments.instancesOf(run.id()));
    }

    /** Each replica's last {@code lines} lines, and where to follow it from. */
    List<ReplicaLog> tails(Current current, int lines) {
        return current.instances().stream().map(instance -> {
            boolean ended = !current.live() || instance.state().isOver();
            LogTail.Piece tail = file(current.runId(), instance).map(file -> read(() -> LogTail.tail(file, lines, ended), 0))
                    .orElse(new LogTail.Piece("", 0, false));
            return new ReplicaLog(current.runId().value(), instance.index(), tail.text(), tail.next(), !ended, false);
        }).toList();
    }

    /** What replica {@code index} of the run wrote from {@code offset} on; followed further while it may write more. */
    ReplicaLog after(TaskRun run, int index, long offset) {
        RunInstance instance = deployments.instanceOf(run.id(), index);
        boolean ended = run.isOver() || instance.state().isOver();
        Optional<Path> file = file(run.id(), instance);
        LogTail.Piece piece = file.map(f -> read(() -> LogTail.after(f, offset, PIECE_BYTES, ended), offset))
                .orElse(new LogTail.Piece("", offset, false));
        boolean more = file.map(f -> size(f) > piece.next()).orElse(false);
        return new ReplicaLog(run.id().value(), index, piece.text(), piece.next(), !ended || more, piece.restarted());
    }

    private Optional<Path> file(RunId runId, RunInstance instance) {
        return deployments.logFile(runId, instance).filter(Files::exists);
    }

    private static LogTail.Piece read(LogRead read, long offset) {
        try {
            return read.read();
        } catch (IOException unreadable) {
            // A log being rotated or removed as the run ends: show nothing now, the next poll reads on from the same place.
            return new LogTail.Piece("", offset, false);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    private interface LogRead {
        LogTail.Piece read() throws IOException;
    }

    /** A task's current run (null: never started), whether it is live, and its replicas. */
    record Current(RunId runId, boolean live, List<RunInstance> instances) {

        /** What the page shows logs of: a change (another run, a replica added) redraws the logs. */
        String signature(int lines) {
            return (runId == null ? "none" : runId.value()) + ":" + lines + ":"
                    + instances.stream().map(i -> String.valueOf(i.index())).collect(Collectors.joining("."));
        }
    }

    /**
     * One replica's log as the page holds it: {@code text} to show (or append), {@code next} the offset to follow from,
     * {@code follow} whether to poll again, {@code restarted} whether the text replaces what is shown (log truncated).
     */
    public record ReplicaLog(String runId, int index, String text, long next, boolean follow, boolean restarted) {

        /** The id of the element that shows the log. */
        public String elementId() {
            return "log-replica-" + index;
        }
    }
}
