package io.tasklane.runtime.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.Config;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API client of the kubernetes runtime. Building it does not connect: a deployment without
 * kubernetes clusters never talks to an API server.
 */
@Configuration(proxyBeanMethods = false)
class KubernetesClientConfig {

    @Bean
    ApiClient tasklaneKubernetesClient(KubernetesRuntimeProperties properties) {
        try {
            if (properties.apiUrl() != null && !properties.apiUrl().isBlank()) {
                return Config.fromUrl(properties.apiUrl());
            }
            if (properties.kubeconfig() != null && !properties.kubeconfig().isBlank()) {
                if (!Files.isReadable(Path.of(properties.kubeconfig()))) {
                    throw new IllegalStateException("tasklane.runtime.kubernetes.kubeconfig: cannot read " + properties.kubeconfig());
                }
                return Config.fromConfig(properties.kubeconfig());
            }
            if (System.getenv(Config.ENV_SERVICE_HOST) != null && Files.exists(Path.of(Config.SERVICEACCOUNT_TOKEN_PATH))) {
                return ClientBuilder.cluster().build();
            }
            return ClientBuilder.standard().build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot configure the Kubernetes client: " + e.getMessage(), e);
        }
    }
}
