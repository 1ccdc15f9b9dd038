package io.tasklane.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.OpenApiOperations;
import io.tasklane.support.RefusableState;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends about two thousand broken requests, made from the OpenAPI document, to every operation of the API, and
 * checks each answer (see {@link AnswerRules}) and that a refused write changed nothing in the database. Seeded:
 * the seed is logged, and {@code -Dfuzz.seed=N} makes the same requests again. Every answer is listed in
 * {@code target/api-fuzz-answers.txt}, every failure in {@code target/api-fuzz-failures.txt}.
 */
@IntegrationTest
class ApiFuzzTest {

    private static final Logger log = LoggerFactory.getLogger(ApiFuzzTest.class);
    private static final int VALUES_PER_PROPERTY = 4;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final List<String> answers = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();

    @Test
    void everyOperationAnswersBrokenRequestsWithAProblemAndChangesNothing() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        log.info("API fuzz run with seed {} (repeat it with -Dfuzz.seed={})", seed, seed);
        Api anonymous = Api.anonymous(port);
        OpenApiOperations document = OpenApiOperations.of(anonymous);
        assertThat(document.all()).as("operations in the OpenAPI document").hasSizeGreaterThan(30);
        FuzzFixtures fixtures = new FuzzFixtures(anonymous, seed);
        List<FuzzRequest> requests;
        long started = System.nanoTime();
        try {
            requests = new BadRequests(document, fixtures.create(), seed, VALUES_PER_PROPERTY).of(document.all());
            started = System.nanoTime();
            // As an admin, whom no operation refuses for who they are: every request gets as far as its inputs allow.
            sendAll(anonymous.as("admin"), requests);
        } finally {
            fixtures.remove();
        }
        log.info("API fuzz run, seed {}: {} requests to {} operations in {} s; statuses {}; {} failure(s)", seed, requests.size(),
                requests.stream().map(FuzzRequest::operation).distinct().count(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), statuses, failures.size());
        writeReport("api-fuzz-answers.txt", seed, answers);
        writeReport("api-fuzz-failures.txt", seed, failures);
        assertThat(failures).as("broken answers with -Dfuzz.seed=" + seed + ":\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size())))).isEmpty();
    }

    /** Sends each request, judges its answer and, for a refused write, compares the database before and after. */
    private void sendAll(Api admin, List<FuzzRequest> requests) {
        RefusableState state = new RefusableState(jdbc);
        Map<String, String> current = state.fingerprint();
        for (FuzzRequest request : requests) {
            Api.Response answer;
            try {
                answer = send(admin, request);
            } catch (IllegalStateException noAnswer) {
                failures.add(request.describe() + "\n    -> no answer: " + noAnswer.getMessage());
                continue;
            }
            statuses.merge(answer.status(), 1, Integer::sum);
            answers.add(answer.status() + " " + request.operation() + " [" + request.place() + " " + request.field() + ": "
                    + request.fault() + "]");
            AnswerRules.broken(request, answer).ifPresent(why ->
                    failures.add(request.describe() + "\n    -> " + why + ": " + shorten(answer.body())));
            if (request.writes()) {
                Map<String, String> after = state.fingerprint();
                if (answer.status() >= 400 && !after.equals(current)) {
                    failures.add(request.describe() + "\n    -> refused with " + answer.status() + " but changed "
                            + RefusableState.changed(current, after));
                }
                current = after;
            }
        }
    }

    private static Api.Response send(Api api, FuzzRequest request) {
        HttpRequest.Builder builder = api.request(request.uri()).timeout(Duration.ofSeconds(30));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        return api.send(builder.method(request.method(), body));
    }

    private static void writeReport(String name, long seed, List<String> lines) {
        try {
            Path report = Path.of("target", name);
            Files.createDirectories(report.getParent());
            Files.writeString(report, "seed " + seed + "\n" + String.join("\n", lines) + "\n");
        } catch (IOException e) {
            log.warn("could not write {}", name, e);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
