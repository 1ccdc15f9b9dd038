package io.tasklane.runtime.rendezvous;

import java.util.List;
import java.util.Map;

/**
 * What {@code torch.distributed.init_process_group} reads with its default {@code env://} method: rank 0
 * (the chief role's first replica) hosts the store at MASTER_ADDR:MASTER_PORT. Each replica is one process
 * with its own GPUs in CUDA_VISIBLE_DEVICES, so its LOCAL_RANK is 0; to start several processes in one
 * replica, run {@code torchrun --nnodes $WORLD_SIZE --node_rank $RANK --master_addr $MASTER_ADDR
 * --master_port $MASTER_PORT} instead.
 */
final class PyTorchDdpEnv {

    private PyTorchDdpEnv() {
    }

    static Map<String, String> of(List<Peer> peers, int rank) {
        Peer master = peers.get(0);
        return Map.of("MASTER_ADDR", master.host(), "MASTER_PORT", String.valueOf(master.port()),
                "WORLD_SIZE", String.valueOf(peers.size()), "RANK", String.valueOf(rank), "LOCAL_RANK", "0");
    }
}
