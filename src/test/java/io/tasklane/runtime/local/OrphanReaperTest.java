package io.tasklane.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.tasklane.common.TaskId;
import io.tasklane.support.Database;
import io.tasklane.support.IntegrationTest;
import io.tasklane.task.TaskEvent;
import io.tasklane.task.TaskEventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sweep ends a replica process of this Tasklane's runs directory that no record vouches for (its
 * launcher died before recording it), writes so in the task's history, and leaves alone a replica of
 * another runs directory: another Tasklane's on the same host. Real host processes, as the local runtime
 * starts them, with a launcher that has exited.
 */
@IntegrationTest
class OrphanReaperTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LocalRuntimeProperties properties;
    @Autowired
    TaskEventLog history;
    @TempDir
    Path elsewhere;
    final List<Process> spawned = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (Process process : spawned) {
            new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).start().waitFor();
            process.destroyForcibly();
        }
        jdbc.sql("delete from tasklane.task_run where id = 'rorphan000001'").update();
        jdbc.sql("delete from tasklane.task where id = 'torphan000001'").update();
    }

    @Test
    void theSweepEndsAReplicaNobodyRecordedAndLeavesAnotherTasklanesAlone() throws Exception {
        Database.taskWithRun(jdbc, "torphan000001", "rorphan000001", "local", "RUNNING", 0, 1, false, 0);
        LauncherId crashed = exitedLauncher();
        Process orphan = replica(properties.runsDir().resolve("rorphan000001"), crashed);
        Process foreign = replica(elsewhere.resolve("rorphan000001"), crashed);

        await().atMost(Duration.ofSeconds(60)).until(() -> !orphan.isAlive());

        assertThat(foreign.isAlive()).as("a replica of another runs directory").isTrue();
        assertThat(history.history(new TaskId("torphan000001"))).filteredOn(e -> e.type().equals(TaskEvent.ORPHAN_REAPED))
                .singleElement().satisfies(e -> assertThat(e.reason())
                        .contains("replica 0 of run rorphan000001", "pid " + orphan.pid(), "before recording it"));
    }

    /** Replica 0 of the run as the local runtime starts one: its wrapper, in a session of its own, with the marker. */
    private Process replica(Path runDir, LauncherId launcher) throws Exception {
        ReplicaMarker marker = new ReplicaMarker("rorphan000001", "torphan000001", 0,
                runDir.resolve("replica-0.exit").toAbsolutePath(), launcher);
        ProcessBuilder builder = new ProcessBuilder(ReplicaProcess.wrap(List.of("sleep", "600")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        builder.environment().putAll(marker.asEnvironment());
        Process process = builder.start();
        spawned.add(process);
        return process;
    }

    /** A Tasklane JVM that is gone: a process that has exited stands in for it. */
    private static LauncherId exitedLauncher() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        Instant started = gone.info().startInstant().orElse(Instant.EPOCH);
        gone.waitFor();
        return new LauncherId(gone.pid(), started.toEpochMilli());
    }
}
