package io.tasklane.task;

import static io.tasklane.task.TaskSpecBuilder.aSpec;
import static io.tasklane.task.TaskSpecBuilder.anEmptySpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.tasklane.capacity.ClusterNode;
import io.tasklane.capacity.ClusterSource;
import io.tasklane.capacity.QueuePolicy;
import io.tasklane.capacity.Sku;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskRulesTest {

    /** Two nodes of 8 SKUs and a cordoned one of 4: largest node 8, whole cluster 20. */
    static final VirtualCluster CLUSTER = new VirtualCluster("local", "A100", new Sku(1, 8, 64),
            QueuePolicy.BEST_EFFORT_FIFO, ClusterSource.CONFIG,
            List.of(new ClusterNode("n1", 8, true), new ClusterNode("n2", 8, true), new ClusterNode("n3", 4, false)));

    @Test
    void aCompleteSpecBreaksNoRule() {
        TaskSpec spec = aSpec().ray("models.chat", "app").kind(TaskKind.SERVICE).port(8000, 30080).port(8265, null)
                .env("SHM_SIZE", "60G").env("HF_HOME", "/cache").storage("models", "/models").tags("llm", "prod")
                .skuPerReplica(8).replicas(2).description("chat endpoint").build();
        assertThat(TaskRules.check(spec.withDefaults(), CLUSTER)).isEmpty();
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                broken("name missing", s -> s.name(null), "name", "required"),
                broken("name with capitals", s -> s.name("Train"), "name", "dns-label"),
                broken("name with underscore", s -> s.name("train_x"), "name", "dns-label"),
                broken("name ending in dash", s -> s.name("train-"), "name", "dns-label"),
                broken("name over 63 characters", s -> s.name("a".repeat(64)), "name", "dns-label"),
                broken("project missing", s -> s.project(" "), "project", "required"),
                broken("kind missing", s -> s.kind(null), "kind", "required"),
                broken("image with a space", s -> s.image("python 3"), "image", "format"),
                broken("no entry at all", s -> s.command(null), "command", "entry-exactly-one"),
                broken("both entries", s -> s.ray("serve", "app").command(List.of("python")), "ray", "entry-exactly-one"),
                broken("ray file path not a module", s -> s.ray("serve.py/x", "app"), "ray.filePath", "python-module"),
                broken("ray deployment not an identifier", s -> s.ray("serve", "my-app"), "ray.deploymentName", "python-identifier"),
                broken("args with a ray entry", s -> s.ray("serve", "app").args(List.of("--x")), "args", "requires-command"),
                broken("empty command", s -> s.command(List.of()), "command", "non-empty"),
                broken("blank program", s -> s.command(List.of(" ")), "command[0]", "word"),
                broken("null argument", s -> s.command(Arrays.asList("python", null)), "command[1]", "word"),
                broken("zero replicas", s -> s.replicas(0), "replicas", "min"),
                broken("negative replicas", s -> s.replicas(-3), "replicas", "min"),
                broken("too many replicas", s -> s.replicas(1001), "replicas", "max"),
                broken("zero SKUs per replica", s -> s.skuPerReplica(0), "skuPerReplica", "min"),
                broken("more SKUs than any node has", s -> s.skuPerReplica(9), "skuPerReplica", "fits-node"),
                broken("more SKUs than the cluster has", s -> s.skuPerReplica(8).replicas(3), "replicas", "fits-cluster"),
                broken("container port zero", s -> s.port(0, null), "ports[0].containerPort", "port-range"),
                broken("container port missing", s -> s.port(null, 80), "ports[0].containerPort", "port-range"),
                broken("external port too high", s -> s.port(80, 65536), "ports[0].externalPort", "port-range"),
                broken("container port repeated", s -> s.port(80, null).port(80, null), "ports[1].containerPort", "unique"),
                broken("external port repeated", s -> s.port(80, 30000).port(81, 30000), "ports[1].externalPort", "unique"),
                broken("env name with a dash", s -> s.env("MY-VAR", "1"), "env.MY-VAR", "env-name"),
                broken("env name starting with a digit", s -> s.env("1VAR", "1"), "env.1VAR", "env-name"),
                broken("env overriding CUDA_VISIBLE_DEVICES", s -> s.env("CUDA_VISIBLE_DEVICES", "0"), "env.CUDA_VISIBLE_DEVICES", "reserved"),
                broken("env overriding a TASKLANE_ variable", s -> s.env("TASKLANE_RUN_ID", "x"), "env.TASKLANE_RUN_ID", "reserved"),
                broken("env value null", s -> s.env("A", null), "env.A", "env-value"),
                broken("SHM_SIZE without unit", s -> s.env("SHM_SIZE", "60"), "env.SHM_SIZE", "shm-size"),
                broken("SHM_SIZE in words", s -> s.env("SHM_SIZE", "lots"), "env.SHM_SIZE", "shm-size"),
                broken("SHM_SIZE with a lower-case unit", s -> s.env("SHM_SIZE", "60g"), "env.SHM_SIZE", "shm-size"),
                broken("storage name not a DNS label", s -> s.storage("Models", "/m"), "storages[0].name", "dns-label"),
                broken("storage path relative", s -> s.storage("models", "models"), "storages[0].mountPath", "absolute-path"),
                broken("storage path escaping", s -> s.storage("models", "/data/../etc"), "storages[0].mountPath", "absolute-path"),
                broken("storage on /dev/shm", s -> s.storage("shm", "/dev/shm"), "storages[0].mountPath", "reserved"),
                broken("two storages on one path", s -> s.storage("a", "/m").storage("b", "/m"), "storages[1].mountPath", "unique"),
                broken("description too long", s -> s.description("x".repeat(4001)), "description", "max-length"),
                broken("tag with spaces", s -> s.tags("large model"), "tags[0]", "dns-label"),
                broken("tag repeated", s -> s.tags("llm", "llm"), "tags[1]", "unique"),
                broken("negative priority", s -> s.priority(-1), "priority", "range"),
                broken("priority too high", s -> s.priority(1001), "priority", "range"),
                broken("deadline too short", s -> s.deadline(59), "activeDeadlineSeconds", "range"),
                broken("deadline over 30 days", s -> s.deadline(30L * 24 * 3600 + 1), "activeDeadlineSeconds", "range"));
    }

    @ParameterizedTest
    @MethodSource("brokenRules")
    void eachBrokenRuleNamesItsFieldAndRule(UnaryOperator<TaskSpecBuilder> change, String field, String rule) {
        List<FieldViolation> violations = TaskRules.check(change.apply(aSpec()).build().withDefaults(), CLUSTER);

        assertThat(violations).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, rule));
        assertThat(violations.get(0).message()).isNotBlank();
    }

    @Test
    void cordonedNodesCountTowardWhatCouldEverRun() {
        // 20 SKUs exist in all (the cordoned node may come back), so 20 is allowed and 21 is not.
        assertThat(TaskRules.check(aSpec().skuPerReplica(4).replicas(5).build().withDefaults(), CLUSTER)).isEmpty();
        assertThat(TaskRules.check(aSpec().skuPerReplica(3).replicas(7).build().withDefaults(), CLUSTER))
                .extracting(FieldViolation::rule).containsExactly("fits-cluster");
    }

    @Test
    void defaultsFillWhatWasNotGiven() {
        TaskSpec spec = anEmptySpec().name("x").project("demo").kind(TaskKind.JOB).command(List.of("true")).cluster("local")
                .build().withDefaults();

        assertThat(spec.replicas()).isEqualTo(1);
        assertThat(spec.skuPerReplica()).isEqualTo(1);
        assertThat(spec.priority()).isZero();
        assertThat(spec.activeDeadlineSeconds()).isEqualTo(432_000);
        assertThat(spec.ports()).isEmpty();
        assertThat(spec.env()).isEmpty();
        assertThat(TaskRules.check(spec, CLUSTER)).isEmpty();
    }

    @Test
    void severalBrokenRulesAreAllReported() {
        TaskSpec spec = aSpec().name("Bad Name").replicas(0).env("SHM_SIZE", "big").build().withDefaults();

        assertThat(TaskRules.check(spec, CLUSTER)).extracting(FieldViolation::field)
                .containsExactly("name", "replicas", "env.SHM_SIZE");
    }

    private static Arguments broken(String name, UnaryOperator<TaskSpecBuilder> change, String field, String rule) {
        return argumentSet(name, change, field, rule);
    }
}
