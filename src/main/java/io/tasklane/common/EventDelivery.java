package io.tasklane.common;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The one way events travel between modules (see {@link OnCommitted}): an executor of their own for the
 * handlers, and one periodic pass that hands every event still in the registry after a while to its handler
 * again (a handler failed, or a race left the work undone). On start, Spring Modulith hands over what a
 * crash left (spring.modulith.events.republish-outstanding-events-on-restart).
 */
@Configuration
@EnableAsync
public class EventDelivery implements AsyncConfigurer {

    public static final String EXECUTOR = "eventExecutor";

    private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);

    private final IncompleteEventPublications incomplete;
    private final Duration redeliverAfter;
    private final int threads;

    EventDelivery(IncompleteEventPublications incomplete,
                  @Value("${tasklane.events.redeliver-after:5s}") Duration redeliverAfter,
                  @Value("${tasklane.events.threads:8}") int threads) {
        this.incomplete = incomplete;
        this.redeliverAfter = redeliverAfter;
        this.threads = threads;
    }

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor eventExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("event-");
        executor.setDaemon(true);
        return executor;
    }

    @Override
    public Executor getAsyncExecutor() {
        return eventExecutor();
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return EventDelivery::handlerFailed;
    }

    private static void handlerFailed(Throwable failure, Method handler, Object... params) {
        String event = params.length > 0 ? String.valueOf(params[0]) : "?";
        if (failure instanceof NotYetDeliverable || failure.getCause() instanceof NotYetDeliverable) {
            log.debug("{} of {}: not yet; delivered again later: {}", handler.getName(), event, failure.getMessage());
        } else {
            log.warn("{} of {} failed; delivered again later: {}", handler.getName(), event, failure.toString());
        }
    }

    @Scheduled(fixedDelayString = "${tasklane.events.redeliver-after:5s}", initialDelayString = "${tasklane.events.redeliver-after:5s}")
    void redeliver() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(redeliverAfter);
        } catch (RuntimeException e) {
            log.warn("Could not hand over undelivered events now; the next pass tries again: {}", e.toString());
        }
    }
}
