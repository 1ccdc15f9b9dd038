package io.tasklane.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.tasklane.common.RunId;
import io.tasklane.runtime.InstanceState;
import io.tasklane.runtime.RunInstance;
import io.tasklane.support.Database;
import io.tasklane.support.IntegrationTest;
import io.tasklane.task.RunRepository;
import io.tasklane.task.TaskKind;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sweep selects runs in SQL ({@link RunRepository#awaitingSignal}); {@link NextSignal} decides in Java
 * what to deliver to them. Both must agree on every run: one the SQL skips but Java would move on waits
 * for nothing (a service counted as not up, never marked running), and one the SQL keeps selecting
 * though Java delivers nothing is looked at by every sweep for ever. Each case is a run with one replica,
 * written on PostgreSQL in a transaction that is rolled back, so the real sweep never sees it.
 */
@IntegrationTest
class SweepSelectionTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RunRepository runs;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theSweepSelectsExactlyTheRunsThatNextSignalMovesOn() {
        List<String> disagreements = new ArrayList<>();
        int n = 0;
        for (TaskState runState : List.of(TaskState.STARTING, TaskState.RUNNING)) {
            for (TaskKind kind : TaskKind.values()) {
                for (InstanceState replica : InstanceState.values()) {
                    String id = String.format("sweep%07d", n++);
                    String what = runState + " " + kind + " run with its replica " + replica;
                    transactions.executeWithoutResult(status -> {
                        TaskRun run = write(id, runState, kind, replica);
                        boolean selected = runs.awaitingSignal().contains(run.id());
                        List<RunInstance> instances = List.of(instance(run, replica));
                        boolean movedOn = NextSignal.decide(run, instances, NextSignal.waitsOf(run, instances)).isPresent();
                        if (selected != movedOn) {
                            disagreements.add(what + ": selected by the sweep " + selected + ", moved on by NextSignal " + movedOn);
                        }
                        status.setRollbackOnly();
                    });
                }
            }
        }

        assertThat(disagreements).isEmpty();
    }

    private TaskRun write(String id, TaskState state, TaskKind kind, InstanceState replica) {
        Database.taskWithRun(jdbc, "t" + id, "r" + id, "dispatch", state.name(), 0, 1, false, 0);
        jdbc.sql("update tasklane.task_run set kind = ?, admitted_at = now() where id = ?").params(kind.name(), "r" + id).update();
        jdbc.sql("""
                insert into tasklane.run_instance (run_id, replica_index, node, gpu_indices, state)
                values (?, 0, 'disp-0', '0', ?)""").params("r" + id, replica.name()).update();
        return runs.findById(new RunId("r" + id)).orElseThrow();
    }

    private static RunInstance instance(TaskRun run, InstanceState state) {
        return new RunInstance(run.id(), 0, "disp-0", List.of(0), state, null, null, null, null, null, null, null, null);
    }
}
