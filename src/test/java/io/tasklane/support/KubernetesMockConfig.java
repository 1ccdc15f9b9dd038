package io.tasklane.support;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The Kubernetes API for the whole suite: fabric8's mock server in CRUD mode, started once with the
 * KubeRay RayService CRD registered and the GPU nodes of the test clusters, and Tasklane's client
 * pointed at it. Tests play the kubelet and KubeRay by writing status through {@link Kubelet}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class KubernetesMockConfig {

    /** KubeRay's CRD as CI lays it beside the clone (../shared); the tests fail, saying so, where it is absent. */
    public static final Path RAYSERVICE_CRD = Path.of("../shared/kuberay/ray.io_rayservices.yaml");

    /** The path of KubeRay's RayService CRD; fails with what is missing and where, never skips. */
    public static Path rayServiceCrd() {
        if (!Files.isRegularFile(RAYSERVICE_CRD)) {
            throw new IllegalStateException("KubeRay's RayService CRD is missing: expected " + RAYSERVICE_CRD.toAbsolutePath()
                    + " (../shared beside the clone, as CI lays it out). The Kubernetes runtime tests check RayServices against it.");
        }
        return RAYSERVICE_CRD;
    }
    public static final String NAMESPACE = "tasklane-test";

    @Bean
    ApiServerMock apiServerMock() {
        return new ApiServerMock(new KubernetesCrudDispatcher(List.of()));
    }

    @Bean(destroyMethod = "destroy")
    KubernetesMockServer kubernetesMockServer(ApiServerMock dispatcher) {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        return server;
    }

    @Bean(destroyMethod = "close")
    KubernetesClient kubernetesTestClient(KubernetesMockServer server) throws IOException {
        KubernetesClient client = server.createClient();
        client.apiextensions().v1().customResourceDefinitions().resource(rayServiceCrd(client)).create();
        Kubelet.seedNodes(client);
        return client;
    }

    @Bean
    Kubelet kubelet(KubernetesClient client, ApiServerMock apiServer) {
        return new Kubelet(client, apiServer);
    }

    /** Tasklane's runtime talks to the mock; depends on the test client so the CRD and nodes exist first. */
    @Bean
    @Primary
    ApiClient mockKubernetesApiClient(KubernetesMockServer server, KubernetesClient seeded) {
        return Config.fromUrl(server.url("/").replaceAll("/$", ""), false);
    }

    private static CustomResourceDefinition rayServiceCrd(KubernetesClient client) throws IOException {
        try (InputStream in = new FileInputStream(rayServiceCrd().toFile())) {
            return client.apiextensions().v1().customResourceDefinitions().load(in).item();
        }
    }
}
