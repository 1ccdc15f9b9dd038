package io.tasklane.runtime.kubernetes;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.Await;

/** Waiting for runs and clusters over the REST API, as a user would poll. */
final class RunWaits {

    private final Api api;

    RunWaits(Api api) {
        this.api = api;
    }

    JsonNode run(String run, Predicate<JsonNode> condition, String what) {
        return Await.until("run " + run + " to get to " + what, () -> api.get("/api/v1/runs/" + run).json(), condition);
    }

    JsonNode state(String run, String state) {
        return run(run, r -> r.get("state").asText().equals(state), state);
    }

    JsonNode over(String run) {
        return run(run, r -> List.of("STOPPED", "KILLED", "FAILED", "SUCCEEDED").contains(r.get("state").asText()), "an end");
    }

    JsonNode instance(String run, int index, Predicate<JsonNode> condition, String what) {
        return Await.until(Duration.ofSeconds(30), "instance " + index + " of run " + run + " to get to " + what,
                () -> api.get("/api/v1/runs/" + run + "/instances").json().at("/items/" + index), condition);
    }

    void freeSkus(String cluster, int expected) {
        Await.until(Duration.ofSeconds(30), "cluster " + cluster + " to have " + expected + " free SKUs",
                () -> api.get("/api/v1/clusters/" + cluster).json().get("freeSkus").asInt(), free -> free == expected);
    }
}
