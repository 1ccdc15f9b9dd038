package io.tasklane.runtime.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * Reads a RayService's status: its Serve application's status decides failure (DEPLOY_FAILED, UNHEALTHY)
 * and, with the Ready condition, readiness (RUNNING and Ready=True). Anything else is still deploying.
 */
final class RayServiceStatusReading {

    private RayServiceStatusReading() {
    }

    static ReplicaObservation read(Map<String, Object> rayService) {
        Map<String, Object> status = map(rayService.get("status"));
        Map<String, Object> application = map(map(map(status.get("activeServiceStatus")).get("applicationStatuses"))
                .get(RayServiceFactory.APPLICATION));
        String appStatus = (String) application.get("status");
        String message = (String) application.get("message");
        if ("DEPLOY_FAILED".equals(appStatus) || "UNHEALTHY".equals(appStatus)) {
            return ReplicaObservation.failed(null, "Ray Serve application " + appStatus
                    + (message == null || message.isBlank() ? "" : ": " + message));
        }
        if ("RUNNING".equals(appStatus) && isReady(status)) {
            return ReplicaObservation.ready();
        }
        return ReplicaObservation.pending(appStatus == null ? "RayService: waiting for the Ray cluster"
                : "Ray Serve application " + appStatus);
    }

    private static boolean isReady(Map<String, Object> status) {
        Object conditions = status.get("conditions");
        if (!(conditions instanceof List<?> list)) {
            return false;
        }
        return list.stream().map(RayServiceStatusReading::map)
                .anyMatch(c -> "Ready".equals(c.get("type")) && "True".equals(c.get("status")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
