package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import io.tasklane.capacity.ClusterSource;
import io.tasklane.capacity.PrincipalType;
import io.tasklane.capacity.QueuePolicy;
import io.tasklane.preemption.ForceStart;
import io.tasklane.queue.WaitReason;
import org.junit.jupiter.api.Test;

/** The Queue, Clusters and "Why is it waiting" pages build message keys from enums: each value has its label. */
class QueueMessagesTest {

    @Test
    void everyReasonStatePolicySourceAndGrantTypeHasALabel() throws IOException {
        Properties english = load();
        for (WaitReason.Kind kind : WaitReason.Kind.values()) {
            assertThat(english).containsKey(new WaitReason(kind, java.util.List.of()).messageKey());
        }
        for (ForceStart.State state : ForceStart.State.values()) {
            assertThat(english).containsKey("forceStart." + state);
        }
        for (QueuePolicy policy : QueuePolicy.values()) {
            assertThat(english).containsKey("policy." + policy);
        }
        for (ClusterSource source : ClusterSource.values()) {
            assertThat(english).containsKey("clusters.source." + source);
        }
        for (PrincipalType type : PrincipalType.values()) {
            assertThat(english).containsKeys("clusters.grant." + type, "clusters.grant.type." + type);
        }
    }

    private static Properties load() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = QueueMessagesTest.class.getResourceAsStream("/messages.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
