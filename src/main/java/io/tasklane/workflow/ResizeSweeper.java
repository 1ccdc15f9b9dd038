package io.tasklane.workflow;

import io.tasklane.sizing.RunResizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The resize path's safety net, beside {@link RunSweeper}: delivers again a resize a run has not
 * applied and a settled grow its process has not heard of (a lost signal, or a restart in between).
 */
@Component
class ResizeSweeper {

    private static final Logger log = LoggerFactory.getLogger(ResizeSweeper.class);

    private final RunResizer resizer;
    private final CamundaResizeSignals signals;

    ResizeSweeper(RunResizer resizer, CamundaResizeSignals signals) {
        this.resizer = resizer;
        this.signals = signals;
    }

    @Scheduled(fixedDelayString = "${tasklane.runs.sweep-interval:5s}", initialDelayString = "${tasklane.runs.sweep-interval:5s}")
    void sweep() {
        try {
            resizer.growSettledRuns().forEach(signals::growSettled);
            resizer.targetPendingRuns().forEach(signals::requestResize);
        } catch (RuntimeException e) {
            log.warn("Sweep of resizes failed; the next sweep retries: {}", e.toString());
        }
    }
}
