package io.tasklane.runtime.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklane.task.Framework;
import io.tasklane.task.RunRoles;
import io.tasklane.task.SuccessPolicy;
import org.junit.jupiter.api.Test;

class RendezvousEnvTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 2 parameter servers and 3 workers, each on a host of its own (as pods with stable names are). */
    private static RunRoles twoPsThreeWorkers(Framework framework) {
        return new RunRoles(List.of(new RunRoles.Role("ps", 2, 1), new RunRoles.Role("worker", 3, 2)), framework, SuccessPolicy.ALL);
    }

    private static List<Peer> onOwnHosts(RunRoles roles) {
        List<String> hosts = roles.slots().stream().map(s -> s.role() + "-" + s.roleIndex() + ".tl-r1.ns.svc").toList();
        return RendezvousEnv.peers(roles, hosts, hosts.stream().map(h -> 2222).toList());
    }

    @Test
    void tfConfigListsTheClusterByTaskTypeAndTheReplicasOwnTask() throws Exception {
        RunRoles roles = twoPsThreeWorkers(Framework.TENSORFLOW_PS);
        List<Peer> peers = onOwnHosts(roles);

        JsonNode secondWorker = JSON.readTree(RendezvousEnv.of(roles, peers, 3, null).get("TF_CONFIG"));
        JsonNode firstPs = JSON.readTree(RendezvousEnv.of(roles, peers, 0, null).get("TF_CONFIG"));

        assertThat(secondWorker).isEqualTo(JSON.readTree("""
                {"cluster": {"ps": ["ps-0.tl-r1.ns.svc:2222", "ps-1.tl-r1.ns.svc:2222"],
                             "worker": ["worker-0.tl-r1.ns.svc:2222", "worker-1.tl-r1.ns.svc:2222", "worker-2.tl-r1.ns.svc:2222"]},
                 "task": {"type": "worker", "index": 1}}"""));
        assertThat(firstPs.get("cluster")).isEqualTo(secondWorker.get("cluster"));
        assertThat(firstPs.get("task")).isEqualTo(JSON.readTree("{\"type\": \"ps\", \"index\": 0}"));
    }

    @Test
    void aMasterIsTensorFlowsChief() throws Exception {
        RunRoles roles = new RunRoles(List.of(new RunRoles.Role("master", 1, 1), new RunRoles.Role("worker", 1, 1)),
                Framework.TENSORFLOW_PS, SuccessPolicy.ALL);

        JsonNode config = JSON.readTree(RendezvousEnv.of(roles, onOwnHosts(roles), 0, null).get("TF_CONFIG"));

        assertThat(config.at("/cluster/chief/0").asText()).isEqualTo("master-0.tl-r1.ns.svc:2222");
        assertThat(config.at("/task/type").asText()).isEqualTo("chief");
    }

    @Test
    void theMpiHostfileHasEveryRankOfATwoPsThreeWorkerRunWithoutALauncher() {
        RunRoles roles = twoPsThreeWorkers(Framework.MPI);
        List<Peer> peers = onOwnHosts(roles);

        assertThat(MpiEnv.hostfile(roles, peers)).isEqualTo("""
                ps-0.tl-r1.ns.svc slots=1
                ps-1.tl-r1.ns.svc slots=1
                worker-0.tl-r1.ns.svc slots=1
                worker-1.tl-r1.ns.svc slots=1
                worker-2.tl-r1.ns.svc slots=1
                """);
        Map<String, String> env = RendezvousEnv.of(roles, peers, 4, "/run/hostfile");
        assertThat(env).containsEntry("TASKLANE_MPI_HOSTS", "ps-0.tl-r1.ns.svc:1,ps-1.tl-r1.ns.svc:1,worker-0.tl-r1.ns.svc:1,"
                        + "worker-1.tl-r1.ns.svc:1,worker-2.tl-r1.ns.svc:1")
                .containsEntry("TASKLANE_MPI_SLOTS", "5")
                .containsEntry("OMPI_MCA_orte_default_hostfile", "/run/hostfile");
    }

    @Test
    void theMpiLauncherIsNoHostAndReplicasOnOneHostAddUp() {
        RunRoles roles = new RunRoles(List.of(new RunRoles.Role("launcher", 1, 1), new RunRoles.Role("worker", 3, 1)),
                Framework.MPI, SuccessPolicy.CHIEF);
        List<Peer> peers = RendezvousEnv.peers(roles, List.of("127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1"),
                List.of(40000, 40001, 40002, 40003));

        assertThat(MpiEnv.hostfile(roles, peers)).isEqualTo("127.0.0.1 slots=3\n");
        assertThat(RendezvousEnv.of(roles, peers, 0, null)).containsEntry("TASKLANE_MPI_HOSTS", "127.0.0.1:3")
                .doesNotContainKey("OMPI_MCA_orte_default_hostfile");
    }

    @Test
    void pyTorchReplicasMeetAtRankZeroAndKnowTheirRanks() {
        RunRoles roles = new RunRoles(List.of(new RunRoles.Role("master", 1, 1), new RunRoles.Role("worker", 2, 1)),
                Framework.PYTORCH_DDP, SuccessPolicy.ALL);
        List<Peer> peers = RendezvousEnv.peers(roles, List.of("127.0.0.1", "127.0.0.1", "127.0.0.1"), List.of(41000, 41001, 41002));

        Map<String, String> secondWorker = RendezvousEnv.of(roles, peers, 2, null);

        assertThat(secondWorker).containsEntry("MASTER_ADDR", "127.0.0.1").containsEntry("MASTER_PORT", "41000")
                .containsEntry("WORLD_SIZE", "3").containsEntry("RANK", "2").containsEntry("LOCAL_RANK", "0")
                .containsEntry("TASKLANE_ROLE", "worker").containsEntry("TASKLANE_ROLE_INDEX", "1")
                .containsEntry("TASKLANE_RANK", "2").containsEntry("TASKLANE_WORLD_SIZE", "3")
                .containsEntry("TASKLANE_ADDRESS", "127.0.0.1:41002")
                .containsEntry("TASKLANE_PEERS", "127.0.0.1:41000,127.0.0.1:41001,127.0.0.1:41002")
                .containsEntry("TASKLANE_ROLES", "master:1,worker:2");
    }

    @Test
    void aCustomJobGetsOnlyTasklanesVariables() {
        RunRoles roles = new RunRoles(List.of(new RunRoles.Role("worker", 2, 1)), Framework.CUSTOM, SuccessPolicy.ALL);
        List<Peer> peers = RendezvousEnv.peers(roles, List.of("a", "b"), List.of(1, 2));

        assertThat(RendezvousEnv.of(roles, peers, 1, null).keySet()).allMatch(name -> name.startsWith("TASKLANE_"));
    }
}
