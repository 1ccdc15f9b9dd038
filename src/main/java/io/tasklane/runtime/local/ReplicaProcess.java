package io.tasklane.runtime.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One replica's process tree on this host. The replica runs in its own session (setsid) under a
 * small shell that writes its exit code to a file, so the whole tree can be signalled and an exit
 * can be read even by a Tasklane that restarted meanwhile.
 */
final class ReplicaProcess {

    private static final String SETSID = "/usr/bin/setsid";
    /** The wrapper's name ($0) in its command line: how a replica's process is told from others on the host. */
    static final String WRAPPER_NAME = "tasklane-replica";

    final String runId;
    final int index;
    final ProcessHandle handle;
    final Path exitFile;
    final Integer port;
    volatile boolean stopping;

    ReplicaProcess(String runId, int index, ProcessHandle handle, Path exitFile, Integer port) {
        this.runId = runId;
        this.index = index;
        this.handle = handle;
        this.exitFile = exitFile;
        this.port = port;
    }

    /** The command wrapped so that the exit code lands in {@code exitFile}, in a session of its own. */
    static List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>();
        if (Files.isExecutable(Path.of(SETSID))) {
            wrapped.add(SETSID);
        }
        wrapped.addAll(List.of("/bin/sh", "-c", "\"$@\"; code=$?; echo $code > \"$TASKLANE_EXIT_FILE\"; exit $code",
                WRAPPER_NAME));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The exit code the wrapper recorded, if it got to record one. */
    Optional<Integer> recordedExitCode() {
        try {
            return Optional.of(Integer.parseInt(Files.readString(exitFile, StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM to the tree, up to {@code grace} to go, then SIGKILL. */
    void terminate(Duration grace) {
        terminate(grace, false);
    }

    /**
     * Like {@link #terminate(Duration)}; with {@code programFirst}, SIGTERM goes only to the program the
     * wrapper runs, so a program that shuts its own children down in order (Ray's driver: Serve, then Ray)
     * can do so.
     */
    void terminate(Duration grace, boolean programFirst) {
        stopping = true;
        if (programFirst) {
            handle.children().forEach(ProcessHandle::destroy);
        } else {
            signalTree(false);
        }
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timedOut) {
            // still alive after the grace period
        }
        signalTree(true);
        try {
            handle.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // a process that survives SIGKILL is the kernel's business
        }
        killSession();
    }

    /**
     * SIGKILL to every process left in the replica's session. Ray starts its actors in process groups of
     * their own and re-parents some helpers to init once their parent is gone: neither the group nor the
     * tree reaches them, the session does (they never leave it).
     */
    void killSession() {
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid() && sessionOf(p.pid()) == handle.pid()).toList();
        left.forEach(ProcessHandle::destroyForcibly);
        // Returns once they are gone, so a run recorded as stopped has nothing left running.
        for (ProcessHandle process : left) {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                // the kernel's business, as above
            }
        }
    }

    /** The session id of a process, from /proc; -1 when unknown (gone, or no /proc). */
    static long sessionOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.UTF_8);
            // pid (comm) state ppid pgrp session ...; comm may hold spaces and parentheses: read after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[3]);
        } catch (IOException | RuntimeException goneOrUnreadable) {
            return -1;
        }
    }

    private void signalTree(boolean kill) {
        List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
        tree.add(handle);
        // The whole session first: it also reaches children that were re-parented away from the tree.
        signalGroup(kill);
        for (ProcessHandle process : tree) {
            if (kill) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
        }
    }

    private void signalGroup(boolean kill) {
        try {
            new ProcessBuilder("kill", kill ? "-KILL" : "-TERM", "--", "-" + handle.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): the per-process signals below still reach the tree
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when {@code handle} is the process launched at {@code launchedAt}, not a later one that reuses its pid. */
    static boolean isSameProcess(ProcessHandle handle, Instant launchedAt) {
        return handle.info().startInstant()
                .map(started -> Duration.between(launchedAt, started).abs().compareTo(Duration.ofSeconds(5)) <= 0)
                .orElse(false);
    }
}
