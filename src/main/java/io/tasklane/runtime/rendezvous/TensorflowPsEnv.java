package io.tasklane.runtime.rendezvous;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * TF_CONFIG for TensorFlow's parameter-server training: the cluster (every role's addresses, by task type)
 * and this replica's task. A role is a task type of its own name ({@code worker}, {@code ps},
 * {@code evaluator}...), except {@code master}, which TensorFlow calls {@code chief}.
 */
final class TensorflowPsEnv {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TensorflowPsEnv() {
    }

    static Map<String, String> of(List<Peer> peers, int rank) {
        Map<String, List<String>> cluster = new LinkedHashMap<>();
        for (Peer peer : peers) {
            cluster.computeIfAbsent(taskType(peer.role()), t -> new java.util.ArrayList<>()).add(peer.address());
        }
        Peer self = peers.get(rank);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("cluster", cluster);
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("type", taskType(self.role()));
        task.put("index", self.roleIndex());
        config.put("task", task);
        try {
            return Map.of("TF_CONFIG", JSON.writeValueAsString(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String taskType(String role) {
        return role.equals("master") ? "chief" : role;
    }
}
