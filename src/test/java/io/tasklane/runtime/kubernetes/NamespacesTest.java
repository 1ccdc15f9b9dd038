package io.tasklane.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class NamespacesTest {

    @Test
    void oneConfiguredNamespaceByDefault() {
        KubernetesRuntimeProperties properties = bind(Map.of());

        assertThat(new Namespaces(properties, null, null).ofProject("vision")).isEqualTo("tasklane");
        assertThat(properties.serviceType()).isEqualTo("ClusterIP");
        assertThat(properties.shmSize()).isEqualTo("1Gi");
        assertThat(properties.reconcileInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.discoveredClusters().enabled()).isTrue();
    }

    @Test
    void aNamespacePerProjectWhenAsked() {
        KubernetesRuntimeProperties properties = bind(Map.of("tasklane.runtime.kubernetes.namespace-per-project", "true",
                "tasklane.runtime.kubernetes.namespace-prefix", "ml-"));

        assertThat(new Namespaces(properties, null, null).ofProject("vision")).isEqualTo("ml-vision");
    }

    private static KubernetesRuntimeProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("tasklane.runtime.kubernetes", KubernetesRuntimeProperties.class);
    }
}
