package io.tasklane.support;

/** Clean-up for tests that run tasks on a cluster other tests of the same application share. */
public final class SharedClusters {

    private SharedClusters() {
    }

    /**
     * Stops every task on {@code cluster} (as {@code admin}) and waits until all its {@code skus} SKUs are free again, so
     * the next test finds the cluster as configured.
     */
    public static void empty(Api admin, String cluster, int skus) {
        for (String task : admin.get("/api/v1/tasks?cluster=" + cluster + "&limit=500").items("id")) {
            admin.post("/api/v1/tasks/" + task + "/stop", null);
        }
        Await.until("cluster " + cluster + " to be empty", () -> admin.get("/api/v1/clusters/" + cluster).json().get("freeSkus").asInt(),
                free -> free == skus);
    }
}
