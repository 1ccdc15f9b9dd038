package io.tasklane.runtime.kubernetes;

import java.util.List;
import java.util.Map;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.tasklane.runtime.LaunchRequest;
import io.tasklane.task.PortMapping;

/**
 * The Service that publishes a run's port mapping over all its replicas. A port with an external port
 * makes it a NodePort Service (the external port is the node port); otherwise it has the configured type.
 */
final class RunServiceFactory {

    private RunServiceFactory() {
    }

    /**
     * The headless Service of a distributed run: it gives each replica's pod its stable DNS name
     * ({@code <hostname>.tl-<run>.<namespace>.svc}), published before the pods are ready, since peers look each
     * other up while they start. It carries the rendezvous port, or the task's ports.
     */
    static V1Service headless(LaunchRequest request, String namespace) {
        List<PortMapping> ports = request.spec().ports();
        List<V1ServicePort> servicePorts = ports.isEmpty()
                ? List.of(new V1ServicePort().name("rendezvous").protocol("TCP").port(PodRendezvous.DEFAULT_PORT))
                : ports.stream().map(p -> new V1ServicePort().name("port-" + p.containerPort()).protocol("TCP")
                        .port(p.containerPort())).toList();
        return new V1Service().apiVersion("v1").kind("Service")
                .metadata(new V1ObjectMeta().name(TasklaneLabels.runObjectName(request.runId().value())).namespace(namespace)
                        .labels(TasklaneLabels.ofRun(request.taskId().value(), request.runId().value())))
                .spec(new V1ServiceSpec().clusterIP("None").publishNotReadyAddresses(true)
                        .selector(Map.of(TasklaneLabels.RUN, request.runId().value(), TasklaneLabels.MANAGED_BY, TasklaneLabels.TASKLANE))
                        .ports(servicePorts));
    }

    static V1Service service(LaunchRequest request, String namespace, String configuredType) {
        List<PortMapping> ports = request.spec().ports();
        boolean external = ports.stream().anyMatch(p -> p.externalPort() != null);
        List<V1ServicePort> servicePorts = ports.stream().map(p -> new V1ServicePort()
                .name("port-" + p.containerPort()).protocol("TCP")
                .port(p.containerPort()).targetPort(new IntOrString(p.containerPort()))
                .nodePort(external ? p.externalPort() : null)).toList();
        return new V1Service().apiVersion("v1").kind("Service")
                .metadata(new V1ObjectMeta().name(TasklaneLabels.runObjectName(request.runId().value())).namespace(namespace)
                        .labels(TasklaneLabels.ofRun(request.taskId().value(), request.runId().value())))
                .spec(new V1ServiceSpec().type(external ? "NodePort" : configuredType)
                        .selector(Map.of(TasklaneLabels.RUN, request.runId().value(), TasklaneLabels.MANAGED_BY, TasklaneLabels.TASKLANE))
                        .ports(servicePorts));
    }
}
