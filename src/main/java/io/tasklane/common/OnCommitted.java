package io.tasklane.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * How a module hears what happened in another: the method handles an event record once the transaction that
 * published it has committed (at once if it was published outside one), on the event executor
 * ({@link EventDelivery}). Delivery is at least once: Spring Modulith's event publication registry writes the
 * event in the publishing transaction and deletes it when this method returns; a method that throws, or a
 * crash before it returns, leaves it to be delivered again. So a handler is idempotent, and throws when the
 * work it owes could not be done yet. Work that writes opens a transaction of its own.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Async(EventDelivery.EXECUTOR)
@TransactionalEventListener(fallbackExecution = true)
public @interface OnCommitted {
}
