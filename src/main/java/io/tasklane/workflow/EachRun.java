package io.tasklane.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.tasklane.common.NotYetDeliverable;
import io.tasklane.common.RunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles an event that names several runs (one dispatch pass admits many): each run on its own, so one whose
 * process is busy does not hold back the others; the event is delivered again, whole, if any is not done.
 * Doing it again for the others is harmless: their handlers look at the database and find nothing due.
 */
final class EachRun {

    private static final Logger log = LoggerFactory.getLogger(EachRun.class);

    private EachRun() {
    }

    /** {@code done} says whether the run needs nothing more; what is still due is named in the exception. */
    static void settle(List<RunId> runIds, Predicate<RunId> done, String stillDue) {
        List<RunId> notYet = new ArrayList<>();
        for (RunId runId : runIds) {
            try {
                if (!done.test(runId)) {
                    notYet.add(runId);
                }
            } catch (RuntimeException e) {
                log.debug("Run {}: {} failed: {}", runId, stillDue, e.toString());
                notYet.add(runId);
            }
        }
        if (!notYet.isEmpty()) {
            throw new NotYetDeliverable("run(s) " + notYet + ": " + stillDue);
        }
    }
}
