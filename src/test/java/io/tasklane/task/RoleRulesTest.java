package io.tasklane.task;

import static io.tasklane.task.TaskRulesTest.CLUSTER;
import static io.tasklane.task.TaskSpecBuilder.aSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.tasklane.common.FieldViolation;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of a distributed job's roles, on the cluster of {@link TaskRulesTest} (nodes of 8, 8 and 4 SKUs). */
class RoleRulesTest {

    private static TaskSpecBuilder ddp() {
        return aSpec().role("master", 1, 1).role("worker", 3, 2).framework(Framework.PYTORCH_DDP);
    }

    @Test
    void aJobOfRolesBreaksNoRule() {
        TaskSpec spec = ddp().role(new TaskRole("ps", 2, 1, List.of("python", "ps.py"), null, Map.of("PS", "1")))
                .successPolicy(SuccessPolicy.CHIEF).build().withDefaults();

        assertThat(TaskRules.check(spec, CLUSTER)).isEmpty();
        assertThat(spec.replicaCount()).isEqualTo(6);
        assertThat(spec.totalSkus()).isEqualTo(9);
        assertThat(spec.largestSkuPerReplica()).isEqualTo(2);
    }

    @Test
    void rolesTakeTheirDefaultsAndTheTaskKeepsNoSizeOfItsOwn() {
        TaskSpec spec = aSpec().role(new TaskRole("worker", null, null, null, null, null)).build().withDefaults();

        assertThat(spec.roles().get(0)).isEqualTo(new TaskRole("worker", 1, 1, null, null, Map.of()));
        assertThat(spec.replicas()).isNull();
        assertThat(spec.skuPerReplica()).isNull();
        assertThat(spec.framework()).isEqualTo(Framework.CUSTOM);
        assertThat(spec.successPolicy()).isEqualTo(SuccessPolicy.ALL);
        assertThat(TaskRules.check(spec, CLUSTER)).isEmpty();
    }

    @Test
    void aTaskWithoutRolesHasNoneOfTheirSettings() {
        TaskSpec spec = aSpec().build().withDefaults();

        assertThat(spec.roles()).isNull();
        assertThat(spec.framework()).isNull();
        assertThat(spec.successPolicy()).isNull();
        assertThat(spec.replicaCount()).isEqualTo(1);
    }

    static Stream<Arguments> brokenRoleRules() {
        return Stream.of(
                broken("no role", s -> s.roles(List.of()), "roles", "non-empty"),
                broken("role name missing", s -> s.role(new TaskRole(null, 1, 1, null, null, null)), "roles[2].name", "required"),
                broken("role name not a DNS label", s -> s.role("Parameter_Server", 1, 1), "roles[2].name", "dns-label"),
                broken("role name too long for a host name", s -> s.role("a".repeat(25), 1, 1), "roles[2].name", "max-length"),
                broken("role named twice", s -> s.role("worker", 1, 1), "roles[2].name", "unique"),
                broken("role without replicas", s -> s.role("ps", 0, 1), "roles[2].replicas", "min"),
                broken("role with too many replicas", s -> s.role("ps", 1001, 1), "roles[2].replicas", "max"),
                broken("role replicas over the limit together", s -> s.role("ps", 997, 0 + 1).role("eval", 1, 1), "roles", "max-replicas"),
                broken("role without SKUs", s -> s.role("ps", 1, 0), "roles[2].skuPerReplica", "min"),
                broken("role replica larger than any node", s -> s.role("ps", 1, 9), "roles[2].skuPerReplica", "fits-node"),
                broken("roles larger than the cluster", s -> s.role("ps", 2, 7), "roles", "fits-cluster"),
                broken("replicas beside roles", s -> s.replicas(2), "replicas", "roles-exclusive"),
                broken("skuPerReplica beside roles", s -> s.skuPerReplica(2), "skuPerReplica", "roles-exclusive"),
                broken("roles of a service", s -> s.kind(TaskKind.SERVICE), "roles", "job-only"),
                broken("role command empty", s -> s.role(new TaskRole("ps", 1, 1, List.of(), null, null)), "roles[2].command", "non-empty"),
                broken("role env reserved by Tasklane", s -> s.role(new TaskRole("ps", 1, 1, null, null, Map.of("TASKLANE_RANK", "0"))),
                        "roles[2].env.TASKLANE_RANK", "reserved"),
                broken("role env set by the framework", s -> s.role(new TaskRole("ps", 1, 1, null, null, Map.of("MASTER_PORT", "1"))),
                        "roles[2].env.MASTER_PORT", "reserved"),
                broken("task env set by the framework", s -> s.env("RANK", "0"), "env.RANK", "reserved"),
                broken("no command anywhere", s -> s.command(null), "command", "entry-exactly-one"));
    }

    @ParameterizedTest
    @MethodSource("brokenRoleRules")
    void eachBrokenRoleRuleNamesItsFieldAndRule(UnaryOperator<TaskSpecBuilder> change, String field, String rule) {
        List<FieldViolation> violations = TaskRules.check(change.apply(ddp()).build().withDefaults(), CLUSTER);

        assertThat(violations).extracting(FieldViolation::field, FieldViolation::rule).containsExactly(Tuple.tuple(field, rule));
        assertThat(violations.get(0).message()).isNotBlank();
    }

    @Test
    void frameworkAndSuccessPolicyNeedRoles() {
        TaskSpec spec = aSpec().framework(Framework.MPI).successPolicy(SuccessPolicy.CHIEF).build().withDefaults();

        assertThat(TaskRules.check(spec, CLUSTER)).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(Tuple.tuple("framework", "requires-roles"), Tuple.tuple("successPolicy", "requires-roles"));
    }

    @Test
    void everyRoleGivingItsCommandNeedsNoneOnTheTask() {
        TaskSpec spec = aSpec().command(null).role(new TaskRole("ps", 1, 1, List.of("ps"), null, null))
                .role(new TaskRole("worker", 2, 1, List.of("worker"), List.of("--fast"), null)).build().withDefaults();

        assertThat(TaskRules.check(spec, CLUSTER)).isEmpty();
    }

    @Test
    void aRoleRunsItsOwnCommandWithTheTasksEnvAndItsOwn() {
        TaskSpec spec = aSpec().command(List.of("python", "train.py")).args(List.of("--epochs", "3")).env("A", "task").env("B", "task")
                .role(new TaskRole("ps", 1, 1, List.of("python", "ps.py"), null, Map.of("B", "ps")))
                .role(new TaskRole("worker", 2, 2, null, List.of("--epochs", "9"), null)).build().withDefaults();

        TaskSpec ps = spec.forRole("ps");
        assertThat(ps.command()).containsExactly("python", "ps.py");
        assertThat(ps.args()).isNull();
        assertThat(ps.env()).containsExactly(Map.entry("A", "task"), Map.entry("B", "ps"));
        TaskSpec worker = spec.forRole("worker");
        assertThat(worker.command()).containsExactly("python", "train.py");
        assertThat(worker.args()).containsExactly("--epochs", "9");
        assertThat(worker.skuPerReplica()).isEqualTo(2);
    }

    @Test
    void ranksPutTheChiefRoleFirst() {
        TaskSpec spec = aSpec().role("worker", 2, 1).role("master", 1, 1).role("ps", 1, 1).build().withDefaults();

        RunRoles roles = RunRoles.of(spec);

        assertThat(roles.roles()).extracting(RunRoles.Role::name).containsExactly("master", "worker", "ps");
        assertThat(roles.slots()).containsExactly(new RunRoles.Slot("master", 0, 0), new RunRoles.Slot("worker", 0, 1),
                new RunRoles.Slot("worker", 1, 2), new RunRoles.Slot("ps", 0, 3));
        assertThat(RunRoles.parseLayout(roles.layout())).isEqualTo(roles.roles());
    }

    private static Arguments broken(String name, UnaryOperator<TaskSpecBuilder> change, String field, String rule) {
        return argumentSet(name, change, field, rule);
    }
}
