package io.tasklane.api;

import java.time.Instant;

import io.tasklane.queue.StartEstimate;

/**
 * A start estimate as the API writes it beside a queued run: {@code expectedStartAt}, {@code estimateBasis} (NOW,
 * DEADLINES, MEDIAN_RUNTIME, MIXED or UNKNOWN), {@code estimateUnknownReason} when unknown, and
 * {@code estimateRunsEnding}, how many runs must end first. All null for a run that does not wait.
 */
record EstimateFields(Instant expectedStartAt, StartEstimate.Basis basis, StartEstimate.Unknown unknownReason, Integer runsEnding) {

    static final EstimateFields NONE = new EstimateFields(null, null, null, null);

    static EstimateFields of(StartEstimate estimate) {
        return estimate == null ? NONE
                : new EstimateFields(estimate.expectedStartAt(), estimate.basis(), estimate.unknown(), estimate.runsEnding());
    }
}
