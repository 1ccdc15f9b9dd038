package io.tasklane.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast GET /api/v1/tasks answers with 100,000 tasks on PostgreSQL, through HTTP with Basic auth,
 * for the default page and each kind of filter and sort. Prints figures; asserts nothing about time.
 * Run: ./mvnw -Pbench test
 */
@IntegrationTest
class TaskListBench {

    static final int TASKS = 100_000;
    static final int ROUNDS = 50;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void listTimesWithOneHundredThousandTasks() {
        seed();
        Api alice = Api.anonymous(port).as("alice");
        Api admin = Api.anonymous(port).as("admin");
        List<String[]> cases = List.of(
                new String[] {"default page (newest 20)", ""},
                new String[] {"project filter", "project=demo"},
                new String[] {"exact name", "name=bench-77777"},
                new String[] {"text on name", "text=7777"},
                new String[] {"tag", "tag=team-7"},
                new String[] {"state and cluster", "state=CREATED&cluster=local"},
                new String[] {"sort by name asc", "sort=name&order=asc"},
                new String[] {"page 500 (offset 10,000)", "offset=10000&limit=20"},
                new String[] {"page of 500", "limit=500"});
        System.out.printf("%nGET /api/v1/tasks with %,d tasks, %d rounds each (ms)%n", TASKS, ROUNDS);
        System.out.printf("%-28s %8s %8s %8s %8s%n", "query", "p50", "p95", "max", "total");
        for (String[] c : cases) {
            for (Api api : List.of(alice, admin)) {
                long[] times = time(api, "/api/v1/tasks?" + c[1]);
                String who = api == alice ? "member" : "admin";
                long total = api.get("/api/v1/tasks?" + c[1]).json().get("total").asLong();
                System.out.printf("%-28s %8.1f %8.1f %8.1f %8d  (%s)%n", c[0], ms(times, 0.50), ms(times, 0.95),
                        times[times.length - 1] / 1e6, total, who);
            }
        }
    }

    private void seed() {
        SeededTasks.created("tb", "bench-", "i % 50 = 0").insert(jdbc, TASKS);
        SeededTasks.tag(jdbc);
        jdbc.sql("analyze tasklane.task").update();
        jdbc.sql("analyze tasklane.task_tag").update();
    }

    private static long[] time(Api api, String path) {
        for (int i = 0; i < 5; i++) {
            api.get(path); // warm-up
        }
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            int status = api.get(path).status();
            samples.add(System.nanoTime() - start);
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status);
            }
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
}
