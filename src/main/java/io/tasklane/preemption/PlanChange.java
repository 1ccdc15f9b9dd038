package io.tasklane.preemption;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.tasklane.common.RunId;

/**
 * Whether a plan made again at confirmation may go ahead on the admin's word: only if it kills nobody the
 * admin did not see. A plan that lost victims (they ended meanwhile) kills a part of what was confirmed;
 * one that gained a victim kills someone nobody agreed to.
 */
final class PlanChange {

    private PlanChange() {
    }

    /** Why the new plan needs a new confirmation (the runs it adds), or empty if it may go ahead. */
    static Optional<String> needsConfirmation(List<ForceStart.Victim> confirmed, List<ForceStart.Victim> replanned) {
        Set<RunId> seen = confirmed.stream().map(ForceStart.Victim::runId).collect(Collectors.toSet());
        List<ForceStart.Victim> added = replanned.stream().filter(v -> !seen.contains(v.runId())).toList();
        if (added.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the plan changed: it would also kill " + added.stream()
                .map(v -> v.taskName() + " (run " + v.runId() + " of " + v.owner() + ")").collect(Collectors.joining(", "))
                + ", which was not in the confirmed plan; nothing was killed, confirm the new plan or reject it");
    }
}
