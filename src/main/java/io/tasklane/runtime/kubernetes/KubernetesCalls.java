package io.tasklane.runtime.kubernetes;

import java.time.Duration;

import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every API call of the runtime goes through here: a server error (5xx), throttling (429) or a broken
 * connection is tried again with a doubling backoff; when the attempts are used up the call ends in
 * {@link KubernetesUnavailableException} (the Camunda job fails, is retried, and becomes an incident).
 * Any other refusal is a {@link KubernetesRefusedException} carrying the API server's reason.
 */
final class KubernetesCalls {

    private static final Logger log = LoggerFactory.getLogger(KubernetesCalls.class);

    /** One API request. */
    @FunctionalInterface
    interface Call<T> {
        T execute() throws ApiException;
    }

    private final int attempts;
    private final Duration backoff;

    KubernetesCalls(int attempts, Duration backoff) {
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
    }

    /** Runs {@code call}, retrying what is worth retrying; {@code what} names it in errors ("create pod x"). */
    <T> T run(String what, Call<T> call) {
        long delay = backoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.execute();
            } catch (ApiException e) {
                if (!isTransient(e.getCode())) {
                    throw new KubernetesRefusedException(what, e.getCode(), reasonOf(e));
                }
                if (attempt >= attempts) {
                    throw new KubernetesUnavailableException(what + " failed " + attempts + " times; last: "
                            + describe(e), e);
                }
                log.info("Kubernetes: {} failed ({}); attempt {} of {} in {} ms", what, describe(e), attempt + 1, attempts, delay);
                sleep(delay);
                delay = Math.min(delay * 2, 30_000);
            }
        }
    }

    /** 0 is client-java's code for "no HTTP answer" (timeout, refused connection). */
    static boolean isTransient(int code) {
        return code == 0 || code == 429 || code >= 500;
    }

    /** The API server's own message (a Status object's "message"), else the HTTP status. */
    static String reasonOf(ApiException e) {
        String body = e.getResponseBody();
        if (body != null && body.trim().startsWith("{")) {
            try {
                var status = JsonParser.parseString(body).getAsJsonObject();
                if (status.has("message")) {
                    return status.get("message").getAsString();
                }
            } catch (RuntimeException notAStatus) {
                // fall through to the plain description
            }
        }
        return e.getCode() == 0 ? String.valueOf(e.getMessage()) : "HTTP " + e.getCode();
    }

    private static String describe(ApiException e) {
        return e.getCode() == 0 ? "no answer: " + e.getMessage() : "HTTP " + e.getCode() + ": " + reasonOf(e);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesUnavailableException("interrupted while waiting to retry", e);
        }
    }
}
