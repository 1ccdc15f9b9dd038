package io.tasklane.workflow;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers a message to the process instances of a business key, trying again when the instance moves at
 * the same moment. Callers that must not lose the message also have a sweep that delivers it again.
 */
@Component
class Correlations {

    private static final Logger log = LoggerFactory.getLogger(Correlations.class);

    private final RuntimeService runtimeService;

    Correlations(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** How many waits took the message (0: none waits for it now); empty if it could not be delivered after retries. */
    Optional<Integer> deliver(String message, String businessKey, Map<String, Object> variables) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return Optional.of(runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(businessKey)
                        .setVariables(variables).correlateAllWithResult().size());
            } catch (OptimisticLockingException busy) {
                // the process moved at the same moment (a job ran); try again
            } catch (ProcessEngineException raced) {
                // it left the wait between finding and delivering; look again
                log.debug("Delivering {} to {} raced with its process: {}", message, businessKey, raced.getMessage());
            }
        }
        return Optional.empty();
    }
}
