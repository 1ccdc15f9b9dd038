package io.tasklane.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.tasklane.common.ClusterName;
import io.tasklane.queue.Dispatcher;
import io.tasklane.support.Api;
import io.tasklane.support.Database;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.TaskJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lifecycle throughput on PostgreSQL, printed, never asserted:
 * <ol>
 *   <li>2,000 one-SKU JOB tasks whose command is {@code true}, on a 64-SKU local cluster, after a warm-up
 *       of 400 such jobs: makespan, tasks/s, submit-to-RUNNING latency (p50, p99), peak resident memory of
 *       this JVM, database statements per task;</li>
 *   <li>10,000 queued runs on 1,000 simulated nodes of 8 SKUs: the time of one dispatch pass.</li>
 * </ol>
 * Run: ./mvnw -Pbench test -Dtest=RunLifecycleBench; with {@code -Dbench.peer=slurm} it then runs the same number of
 * one-GPU {@code true} jobs on Slurm on this machine ({@code ../shared/peers/slurm/run.sh}) and prints both makespans
 * and their ratio.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "tasklane.capacity.local.slots=64",
        "tasklane.capacity.clusters[0].name=sim1000",
        "tasklane.capacity.clusters[0].gpu-type=simulated",
        "tasklane.capacity.clusters[0].runtime=simulated",
        "tasklane.capacity.clusters[0].sku.gpus=1",
        "tasklane.capacity.clusters[0].generated-nodes.count=1000",
        "tasklane.capacity.clusters[0].generated-nodes.capacity-skus=8",
        // No second delivery of events: each signal must arrive the first time (a run left waiting points at a lost one).
        "tasklane.events.redeliver-after=1h",
        "tasklane.runs.sweep-interval=1h",
        "logging.level.org.camunda.bpm.engine.jobexecutor=error"})
class RunLifecycleBench {

    static final int JOBS = Integer.getInteger("bench.jobs", 2_000);
    static final int WARM_UP_JOBS = Integer.getInteger("bench.warm-up-jobs", 400);
    static final int QUEUED_RUNS = 10_000;
    static final ClusterName SIM = new ClusterName("sim1000");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void twoThousandJobsOnSixtyFourSkus() throws Exception {
        Api alice = Api.anonymous(port).as("alice");
        // A server runs warm: the same path once, smaller, so the figures are not the JIT compiler's.
        Database.deleteAllTasks(jdbc);
        Instant warmUp = Instant.now();
        runJobs(alice, WARM_UP_JOBS);
        Duration warmUpTook = Duration.between(warmUp, Instant.now());
        Database.deleteAllTasks(jdbc);

        List<String> tasks = createJobs(alice, JOBS);
        StatementReport statements = StatementReport.start(jdbc);
        long jvmCpuBefore = jvmCpuMillis();
        long postgresCpuBefore = postgresCpuMillis();
        Instant begin = Instant.now();
        Instant submitted = startAll(alice, tasks);
        Instant done = awaitAllOver(begin);
        long jvmCpu = jvmCpuMillis() - jvmCpuBefore;
        long postgresCpu = postgresCpuMillis() - postgresCpuBefore;
        long succeeded = jdbc.sql("select count(*) from tasklane.task_run where state = 'SUCCEEDED'").query(Long.class).single();
        double[] latencies = jdbc.sql("select extract(epoch from started_at - queued_at) * 1000 from tasklane.task_run where started_at is not null")
                .query(Double.class).list().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double makespan = Duration.between(begin, done).toMillis() / 1000.0;
        System.out.printf("%n%,d JOB tasks (command: true), 1 SKU each, local cluster of 64 SKUs, PostgreSQL%n", JOBS);
        System.out.printf("  after a warm-up of %,d jobs (%.1f s)%n", WARM_UP_JOBS, warmUpTook.toMillis() / 1000.0);
        System.out.printf("  submitted (8 threads) in  %8.1f s%n", Duration.between(begin, submitted).toMillis() / 1000.0);
        System.out.printf("  makespan                  %8.1f s   (%d SUCCEEDED)%n", makespan, succeeded);
        System.out.printf("  throughput                %8.1f tasks/s%n", JOBS / makespan);
        System.out.printf("  submit -> RUNNING p50     %8.0f ms%n", quantile(latencies, 0.50));
        System.out.printf("  submit -> RUNNING p99     %8.0f ms%n", quantile(latencies, 0.99));
        System.out.printf("  peak resident (this JVM)  %8d MiB   (VmHWM; the embedded PostgreSQL is a process of its own)%n", peakRssMib());
        System.out.printf("  CPU per task              %8.1f ms   (this JVM %.1f + PostgreSQL %.1f, from /proc)%n",
                (jvmCpu + postgresCpu) / (double) JOBS, jvmCpu / (double) JOBS, postgresCpu / (double) JOBS);
        statements.print(JOBS, "task");
        if (Boolean.getBoolean("bench.slowest")) {
            System.out.println("  slowest in the server (-Dbench.slowest=true):");
            statements.printSlowest(JOBS, 15);
        }
        if ("slurm".equals(System.getProperty("bench.peer"))) {
            double slurm = slurmMakespan(JOBS);
            System.out.printf("%nSlurm on this machine, the same %,d one-GPU `true` jobs submitted one by one (../shared/peers/slurm/run.sh)%n", JOBS);
            System.out.printf("  makespan                  %8.1f s%n", slurm);
            System.out.printf("  Tasklane / Slurm          %8.2f   (at most 1.0 is the target)%n", makespan / slurm);
        }
    }

    /** Runs the Slurm peer (it installs, starts and stops its own daemons) and reads the makespan it prints last. */
    private static double slurmMakespan(int jobs) throws Exception {
        Process peer = new ProcessBuilder("bash", "../shared/peers/slurm/run.sh", String.valueOf(jobs)).redirectErrorStream(true).start();
        List<String> lines = new String(peer.getInputStream().readAllBytes()).lines().toList();
        peer.waitFor();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        java.util.regex.Matcher makespan = java.util.regex.Pattern.compile("makespan_s=([0-9.]+)").matcher(last);
        if (!makespan.find()) {
            throw new IllegalStateException("the Slurm peer printed no makespan:\n" + String.join("\n", lines));
        }
        return Double.parseDouble(makespan.group(1));
    }

    private static long jvmCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    /**
     * CPU used so far by this test's PostgreSQL (user + system, from /proc/PID/stat), in ms: its postmaster with the
     * time of its ended children, and its live children. Only this server's processes: other builds on the machine run
     * PostgreSQL servers of their own, and counting every process named postgres once made the figure negative when one
     * of theirs ended during the measurement.
     */
    private long postgresCpuMillis() throws Exception {
        String dataDirectory = jdbc.sql("show data_directory").query(String.class).single();
        long postmaster = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).trim());
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String stat;
                try {
                    stat = Files.readString(process.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue;
                }
                long pid = Long.parseLong(process.getFileName().toString());
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long parent = Long.parseLong(fields[1]); // ppid (field 4)
                if (pid == postmaster) {
                    // utime, stime, cutime, cstime (fields 14 to 17): ended backends' time is added to their parent's
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                } else if (parent == postmaster) {
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    @Test
    void oneDispatchPassOverTenThousandQueuedRuns() {
        Database.deleteAllTasks(jdbc);
        // Tasks and runs written directly: the pass is what is measured. Sizes 1-4 SKUs, priorities 0-9.
        jdbc.sql("""
                insert into tasklane.task (id, name, project, kind, command_json, cluster, sku_per_replica, replicas,
                  ports_json, env_json, storages_json, priority, active_deadline_seconds, state, pinned, creator,
                  created_at, updated_at, archived, version)
                select 'tq' || lpad(i::text, 11, '0'), 'queued-' || i, 'demo', 'JOB', '["true"]', 'sim1000', 1 + i % 4, 1,
                  '[]', '{}', '[]', i % 10, 432000, 'QUEUED', false, 'alice', now(), now(), false, 0
                from generate_series(1, :n) as s(i)""").param("n", QUEUED_RUNS).update();
        jdbc.sql("""
                insert into tasklane.task_run (id, task_id, cluster, kind, replicas, sku_per_replica, priority, state,
                  requested_by, queued_at, version)
                select 'rq' || lpad(i::text, 11, '0'), 'tq' || lpad(i::text, 11, '0'), 'sim1000', 'JOB', 1, 1 + i % 4, i % 10,
                  'QUEUED', 'alice', now() - (i || ' milliseconds')::interval, 0
                from generate_series(1, :n) as s(i)""").param("n", QUEUED_RUNS).update();
        jdbc.sql("analyze tasklane.task_run").update();

        StatementReport statements = StatementReport.start(jdbc);
        int passes = Integer.getInteger("bench.passes", 5);
        long[] emptyCluster = timePasses(passes);
        statements.print(passes, "pass");
        // Fill the cluster for real once, then time passes where almost nothing fits any more.
        int admitted = transactions.execute(status -> dispatcher.dispatch(SIM)).size();
        long[] fullCluster = timePasses(passes);

        System.out.printf("%n%,d queued runs (1-4 SKUs), 1,000 simulated nodes x 8 SKUs, PostgreSQL%n", QUEUED_RUNS);
        System.out.printf("  one pass, empty cluster   p50 %6d ms  min %6d ms  (admits %,d runs; rolled back)%n",
                emptyCluster[emptyCluster.length / 2], emptyCluster[0], admitted);
        System.out.printf("  one pass, full cluster    p50 %6d ms  min %6d ms  (%,d runs still waiting)%n",
                fullCluster[fullCluster.length / 2], fullCluster[0], QUEUED_RUNS - admitted);
        Database.deleteAllTasks(jdbc);
    }

    private List<String> createJobs(Api alice, int count) {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(alice.post("/api/v1/tasks", TaskJson.aTask().named("bench-" + i).with("command", List.of("true")).json())
                    .json().get("id").asText());
        }
        return tasks;
    }

    private void runJobs(Api alice, int count) throws InterruptedException {
        Instant begin = Instant.now();
        startAll(alice, createJobs(alice, count));
        awaitAllOver(begin);
    }

    /** Starts every task from 8 threads, as integrators would; when the last start was answered. */
    private static Instant startAll(Api alice, List<String> tasks) throws InterruptedException {
        ExecutorService submitters = Executors.newFixedThreadPool(8);
        tasks.forEach(task -> submitters.execute(() -> alice.post("/api/v1/tasks/" + task + "/start", null)));
        submitters.shutdown();
        submitters.awaitTermination(10, TimeUnit.MINUTES);
        return Instant.now();
    }

    private Instant awaitAllOver(Instant begin) throws InterruptedException {
        while (jdbc.sql("select count(*) from tasklane.task_run where finished_at is null").query(Long.class).single() > 0) {
            if (Duration.between(begin, Instant.now()).toMinutes() >= 10) {
                // Redelivery is off here: a run still waiting points at a lost signal. Say where it waits.
                jdbc.sql("select id, state, admitted_at is not null as admitted from tasklane.task_run where finished_at is null")
                        .query((rs, i) -> "  never finished: run " + rs.getString(1) + " " + rs.getString(2)
                                + (rs.getBoolean(3) ? " (admitted)" : "")).list().forEach(System.out::println);
                break;
            }
            Thread.sleep(100);
        }
        return Instant.now();
    }

    /** Times dispatch passes whose writes are rolled back, so every pass sees the same queue. */
    private long[] timePasses(int passes) {
        long[] millis = new long[passes];
        for (int i = 0; i < passes; i++) {
            long start = System.nanoTime();
            transactions.executeWithoutResult(status -> {
                dispatcher.dispatch(SIM);
                status.setRollbackOnly();
            });
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double quantile(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    private static long peakRssMib() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }
}
