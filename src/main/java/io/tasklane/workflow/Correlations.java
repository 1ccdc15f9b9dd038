package io.tasklane.workflow;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers a message to the process instances of a business key, in a transaction of its own, trying again
 * when the instance moves at the same moment. Callers are event handlers, which run after the publishing
 * transaction committed, on threads of their own; one that finds the message not taken throws, and the event
 * registry delivers its event again.
 */
@Component
class Correlations {

    private static final Logger log = LoggerFactory.getLogger(Correlations.class);

    private final RuntimeService runtimeService;
    private final TransactionTemplate ownTransaction;

    Correlations(RuntimeService runtimeService, PlatformTransactionManager transactions) {
        this.runtimeService = runtimeService;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** How many waits took the message (0: none waits for it now); empty if it could not be delivered after retries. */
    Optional<Integer> deliver(String message, String businessKey, Map<String, Object> variables) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return Optional.of(ownTransaction.execute(status -> runtimeService.createMessageCorrelation(message)
                        .processInstanceBusinessKey(businessKey).setVariables(variables).correlateAllWithResult().size()));
            } catch (OptimisticLockingException busy) {
                // the process moved at the same moment (a job ran); try again
                last = busy;
            } catch (RuntimeException raced) {
                // It left the wait between finding and delivering, or ended in another transaction while the steps
                // the message set off ran (they then read its variables gone); look again: an ended process takes
                // no message, and a moved one is found where it waits now.
                log.debug("Delivering {} to {} raced with its process: {}", message, businessKey, raced.toString());
                last = raced;
            }
        }
        log.warn("Could not deliver {} to {} after 3 attempts: {}", message, businessKey, String.valueOf(last));
        return Optional.empty();
    }
}
