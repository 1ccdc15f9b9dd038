package io.tasklane.runtime.rendezvous;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tasklane.task.RunRoles;

/**
 * The environment that lets the replicas of a distributed run find each other, as a pure function of the
 * run's roles and its replicas' addresses (rank order): Tasklane's own variables for every framework, then
 * the framework's ({@link PyTorchDdpEnv}, {@link TensorflowPsEnv}, {@link MpiEnv}). Runtimes decide the
 * addresses (127.0.0.1 and allocated ports on the local runtime, stable pod host names on Kubernetes).
 */
public final class RendezvousEnv {

    private RendezvousEnv() {
    }

    /**
     * The variables of the replica of rank {@code rank}. {@code hostfilePath} is where the runtime writes
     * {@link MpiEnv#hostfile} for an MPI run (ignored by the other frameworks).
     */
    public static Map<String, String> of(RunRoles roles, List<Peer> peers, int rank, String hostfilePath) {
        Peer self = peers.get(rank);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TASKLANE_ROLE", self.role());
        env.put("TASKLANE_ROLE_INDEX", String.valueOf(self.roleIndex()));
        env.put("TASKLANE_RANK", String.valueOf(rank));
        env.put("TASKLANE_WORLD_SIZE", String.valueOf(peers.size()));
        env.put("TASKLANE_ADDRESS", self.address());
        env.put("TASKLANE_PEERS", peers.stream().map(Peer::address).collect(Collectors.joining(",")));
        env.put("TASKLANE_ROLES", roles.roles().stream().map(r -> r.name() + ":" + r.replicas()).collect(Collectors.joining(",")));
        switch (roles.framework()) {
            case PYTORCH_DDP -> env.putAll(PyTorchDdpEnv.of(peers, rank));
            case TENSORFLOW_PS -> env.putAll(TensorflowPsEnv.of(peers, rank));
            case MPI -> env.putAll(MpiEnv.of(roles, peers, hostfilePath));
            case CUSTOM -> { }
        }
        return env;
    }

    /** The peers of a run whose replica of rank {@code r} is reached at {@code hosts.get(r)}:{@code ports.get(r)}. */
    public static List<Peer> peers(RunRoles roles, List<String> hosts, List<Integer> ports) {
        return roles.slots().stream()
                .map(s -> new Peer(s.role(), s.roleIndex(), s.rank(), hosts.get(s.rank()), ports.get(s.rank()))).toList();
    }
}
