package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.preemption.ForceStart;
import io.tasklane.preemption.ForceStartId;
import io.tasklane.security.Caller;
import io.tasklane.web.QueueAdminActions.ClusterQueue;
import io.tasklane.web.QueueAdminActions.Offered;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one rule for the admin actions of the Queue and Tasks pages, case by case. */
class QueueAdminActionsTest {

    static final Caller ADMIN = new Caller("admin", Set.of(Caller.ADMIN_GROUP));
    static final Caller ALICE = new Caller("alice", Set.of());
    static final ClusterQueue QUIET = new ClusterQueue(false, Optional.empty());
    static final ClusterQueue PINNED = new ClusterQueue(true, Optional.empty());
    static final ClusterQueue FORCE_STARTING = new ClusterQueue(true, Optional.of(new ForceStart(new ForceStartId("fs1"),
            new TaskId("t1"), new RunId("r1"), new ClusterName("levers"), "admin", ForceStart.State.AWAITING_CONFIRMATION, null,
            null, Instant.EPOCH, null, null, List.of())));

    static List<Arguments> cases() {
        return List.of(
                Arguments.of("a member gets none", ALICE, true, false, QUIET, new Offered(false, false, false)),
                Arguments.of("a waiting task of a quiet queue can be pinned", ADMIN, true, false, QUIET, new Offered(true, false, false)),
                Arguments.of("not while another task of its queue is pinned", ADMIN, true, false, PINNED, new Offered(false, false, false)),
                Arguments.of("the pinned task is unpinned or force-started", ADMIN, true, true, PINNED, new Offered(false, true, true)),
                Arguments.of("no second force-start while one is under way", ADMIN, true, true, FORCE_STARTING, new Offered(false, true, false)),
                Arguments.of("a grow or a task not waiting gets none", ADMIN, false, true, PINNED, new Offered(false, false, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void offers(String name, Caller caller, boolean waitingTask, boolean pinned, ClusterQueue queue, Offered expected) {
        assertThat(QueueAdminActions.offered(caller, waitingTask, pinned, queue)).isEqualTo(expected);
    }
}
