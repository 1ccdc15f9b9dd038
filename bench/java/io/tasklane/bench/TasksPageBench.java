package io.tasklane.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * How fast the console's Tasks page renders with 100,000 tasks on PostgreSQL: the whole page (tab counts, the first
 * page of rows, the frame) over HTTP on localhost with a signed-in session, for each tab and a text search, as an
 * admin and as a member. The time is the HTTP round trip on localhost (the server's filters, controller, queries and
 * rendering; the client's part is well under a millisecond). Rounds go through every page in turn, so a busy moment
 * of the shared machine falls on all pages alike; the minimum and median say more than the 95th percentile there.
 * Then each page is rendered again with PostgreSQL's statement counter reset, for its statements per render and the
 * server's time in them, and PostgreSQL's plans of the page's main queries. Prints figures; asserts nothing about time. Run: ./mvnw -Pbench test -Dtest=TasksPageBench
 */
@IntegrationTest
// The background loops at their production intervals, not the test suite's fast ones (a Kubernetes reconcile every
// 200 ms, a node sync every second): those compete with the page for the 2 cores, which no deployment does.
@TestPropertySource(properties = {"tasklane.runtime.kubernetes.reconcile-interval=5s",
        "tasklane.runtime.kubernetes.node-sync-interval=30s", "tasklane.runs.sweep-interval=5s"})
class TasksPageBench {

    static final int TASKS = 100_000;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 40);
    static final int WARM_UP = 5;
    static final int COUNTED = 10;
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final List<String[]> PAGES = List.of(
            new String[] {"tab all (first page)", "/?tab=all"},
            new String[] {"tab idle", "/?tab=idle"},
            new String[] {"tab in queue", "/?tab=queued"},
            new String[] {"tab starting", "/?tab=starting"},
            new String[] {"tab running", "/?tab=running"},
            new String[] {"tab stopping", "/?tab=stopping"},
            new String[] {"tab archived", "/?tab=archived"},
            new String[] {"text search", "/?tab=all&text=7777"},
            new String[] {"table refresh (htmx)", "/?tab=queued#htmx"},
            new String[] {"queue summary (nav)", "/queue-summary#htmx"});

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void tasksPageTimesWithOneHundredThousandTasks() throws Exception {
        seed();
        explainPlans();
        Map<String, HttpClient> users = new LinkedHashMap<>();
        users.put("admin", signedIn("admin"));
        users.put("member", signedIn("alice"));
        Map<String, PageTimes> times = new LinkedHashMap<>();
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            for (Map.Entry<String, HttpClient> user : users.entrySet()) {
                for (String[] page : PAGES) {
                    long took = render(user.getValue(), page[1]);
                    if (round >= 0) {
                        times.computeIfAbsent(user.getKey() + " " + page[0], key -> new PageTimes()).add(took);
                    }
                }
            }
            if (round == -1) {
                System.out.printf("%nLoad average when timing starts: %s%n", PageTimes.loadAverage());
            }
        }
        System.out.printf("Load average when timing ends:   %s%n", PageTimes.loadAverage());
        StatementReport statements = StatementReport.start(jdbc);
        System.out.printf("%nTasks page with %,d tasks: HTTP on localhost, whole page, %d rounds (ms); statements and the"
                + " database server's ms per render over %d more renders%n", TASKS, ROUNDS, COUNTED);
        System.out.printf("%-8s %-22s %8s %8s %8s %8s %8s %8s%n", "user", "page", "min", "p50", "p95", "max", "stmts", "db ms");
        for (Map.Entry<String, HttpClient> user : users.entrySet()) {
            for (String[] page : PAGES) {
                statements.reset();
                for (int i = 0; i < COUNTED; i++) {
                    render(user.getValue(), page[1]);
                }
                StatementReport.Totals counted = statements.totals();
                PageTimes t = times.get(user.getKey() + " " + page[0]);
                System.out.printf("%-8s %-22s %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f%n", user.getKey(), page[0], t.min(), t.p50(),
                        t.p95(), t.max(), (double) counted.calls() / COUNTED, counted.millis() / COUNTED);
                if (Boolean.getBoolean("bench.slowest")) {
                    statements.reset();
                    for (int i = 0; i < COUNTED; i++) {
                        render(user.getValue(), page[1]);
                    }
                    statements.printSlowest(COUNTED, 6);
                }
            }
        }
    }

    private void explainPlans() {
        explain("count of every tab", "select t.state, t.archived, count(*) from tasklane.task t where 1 = 1 group by t.state, t.archived");
        explain("count of every tab for a member", "select t.state, t.archived, count(*) from tasklane.task t where"
                + " t.project in ('demo') group by t.state, t.archived");
        explain("first page of tab all", "select t.id from tasklane.task t where t.archived = false"
                + " order by t.created_at desc, t.id desc limit 20");
        explain("first page of tab idle", "select t.id from tasklane.task t where t.state in ('CREATED', 'STOPPED', 'KILLED',"
                + " 'FAILED', 'SUCCEEDED') and t.archived = false order by t.created_at desc, t.id desc limit 20");
        explain("count of a text search", "select t.state, t.archived, count(*) from tasklane.task t where"
                + " (lower(t.name) like '%7777%' or t.id like '%7777%') group by t.state, t.archived");
        explain("first page of a text search", "select t.id from tasklane.task t where (lower(t.name) like '%7777%'"
                + " or t.id like '%7777%') and t.archived = false order by t.created_at desc, t.id desc limit 20");
        explain("queue places of a page's waiting runs", "select q.id, q.place from (select r.id, row_number() over (order by"
                + " r.priority desc, r.queued_at, r.id) as place from tasklane.task_run r where r.cluster = 'private'"
                + " and r.state = 'QUEUED' and r.admitted_at is null) q where q.id in ('pr00000000016', 'pr00000000017')");
        explain("waiting runs per cluster (navigation)", "select cluster, count(*) from tasklane.task_run"
                + " where state = 'QUEUED' and admitted_at is null group by cluster");
    }

    /**
     * 100,000 tasks in two projects: half never started, a quarter ended (each with its finished run), a tenth waiting
     * in the queue of cluster {@code private} with a queued run that can never fit there (so no dispatch pass starts
     * it), a few starting, running and stopping (without runs: nothing may try to run them), 5% archived.
     */
    private void seed() {
        new SeededTasks("pb", "page-", "case when i % 20 in (16, 17) then 'private' else 'local' end",
                "case when i % 20 in (16, 17) then 2 else 1 end", """
                case i % 20 when 10 then 'SUCCEEDED' when 11 then 'SUCCEEDED' when 12 then 'SUCCEEDED' when 13 then 'FAILED'
                  when 14 then 'STOPPED' when 15 then 'KILLED' when 16 then 'QUEUED' when 17 then 'QUEUED'
                  when 18 then (case when i % 60 < 20 then 'STARTING' when i % 60 < 40 then 'RUNNING' else 'STOPPING' end)
                  else 'CREATED' end""", "i % 20 = 19").insert(jdbc, TASKS);
        jdbc.sql("""
                insert into tasklane.task_run (id, task_id, cluster, kind, replicas, sku_per_replica, priority, state, reason,
                  requested_by, queued_at, started_at, finished_at, version)
                select 'pr' || substr(t.id, 3), t.id, t.cluster, t.kind, t.replicas, t.sku_per_replica, t.priority, t.state,
                  case when t.state = 'QUEUED' then null else 'ended as seeded' end, t.creator, t.created_at,
                  case when t.state = 'QUEUED' then null else t.created_at end,
                  case when t.state = 'QUEUED' then null else t.created_at + interval '1 minute' end, 0
                from tasklane.task t where t.state in ('SUCCEEDED', 'FAILED', 'STOPPED', 'KILLED', 'QUEUED')""").update();
        jdbc.sql("update tasklane.task set current_run_id = 'pr' || substr(id, 3)"
                + " where state in ('SUCCEEDED', 'FAILED', 'STOPPED', 'KILLED', 'QUEUED')").update();
        SeededTasks.tag(jdbc);
        // As autovacuum leaves a table that has settled: statistics, and pages marked all-visible for index-only scans.
        for (String table : List.of("task", "task_tag", "task_run")) {
            jdbc.sql("vacuum analyze tasklane." + table).update();
        }
    }

    /** Prints PostgreSQL's plan of one of the page's queries, with its time: where a slow page spends it. */
    private void explain(String what, String sql) {
        System.out.printf("%nPlan of the %s:%n", what);
        jdbc.sql("explain (analyze, buffers off) " + sql).query(String.class).list().forEach(line -> System.out.println("  " + line));
    }

    /** A client signed in through the console's sign-in form, with its session cookie. */
    private HttpClient signedIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=" + user + "&password=" + user + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in as " + user + " failed: " + signedIn.statusCode() + " " + signedIn.headers().map());
        }
        return client;
    }

    /** One render of {@code path} ({@code #htmx}: as htmx asks for it), in nanoseconds; fails on anything but 200. */
    private long render(HttpClient client, String path) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path.replace("#htmx", "")));
        if (path.endsWith("#htmx")) {
            builder.header("HX-Request", "true");
        }
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        String expected = path.startsWith("/queue-summary") ? "class=\"queue-summary\"" : "id=\"tasks\"";
        if (response.statusCode() != 200 || !response.body().contains(expected)) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return took;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
