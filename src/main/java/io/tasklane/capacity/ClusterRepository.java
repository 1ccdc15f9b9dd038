package io.tasklane.capacity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClusterRepository {

    private final JdbcClient jdbc;

    ClusterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every cluster with its nodes, by name. */
    List<VirtualCluster> findAll() {
        Map<String, List<ClusterNode>> nodes = jdbc.sql("select * from tasklane.cluster_node order by cluster_name, name")
                .query((rs, i) -> Map.entry(rs.getString("cluster_name"), mapNode(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select * from tasklane.virtual_cluster order by name")
                .query((rs, i) -> mapCluster(rs, nodes.getOrDefault(rs.getString("name"), List.of()))).list();
    }

    /** Every cluster's name, in order. */
    List<String> names() {
        return jdbc.sql("select name from tasklane.virtual_cluster order by name").query(String.class).list();
    }

    /** The clusters of those names that exist, with their nodes, in two statements whatever their number. */
    List<VirtualCluster> findByNames(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, List<ClusterNode>> nodes = jdbc.sql("select * from tasklane.cluster_node where cluster_name in (:names)"
                        + " order by cluster_name, name").param("names", names)
                .query((rs, i) -> Map.entry(rs.getString("cluster_name"), mapNode(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select * from tasklane.virtual_cluster where name in (:names) order by name").param("names", names)
                .query((rs, i) -> mapCluster(rs, nodes.getOrDefault(rs.getString("name"), List.of()))).list();
    }

    Optional<VirtualCluster> findByName(String name) {
        List<ClusterNode> nodes = jdbc.sql("select * from tasklane.cluster_node where cluster_name = ? order by name")
                .param(name).query((rs, i) -> mapNode(rs)).list();
        return jdbc.sql("select * from tasklane.virtual_cluster where name = ?").param(name)
                .query((rs, i) -> mapCluster(rs, nodes)).optional();
    }

    /** Writes the cluster and replaces its node list with the given one. */
    void save(VirtualCluster cluster, Instant at) {
        OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        int updated = jdbc.sql("""
                update tasklane.virtual_cluster set gpu_type = ?, sku_gpus = ?, sku_cpu = ?, sku_memory_gib = ?,
                  queue_policy = ?, source = ?, updated_at = ? where name = ?""")
                .params(cluster.gpuType(), cluster.sku().gpus(), cluster.sku().cpu(), cluster.sku().memoryGib(),
                        cluster.queuePolicy().name(), cluster.source().name(), now, cluster.name())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into tasklane.virtual_cluster (name, gpu_type, sku_gpus, sku_cpu, sku_memory_gib,
                      queue_policy, source, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(cluster.name(), cluster.gpuType(), cluster.sku().gpus(), cluster.sku().cpu(),
                            cluster.sku().memoryGib(), cluster.queuePolicy().name(), cluster.source().name(), now, now)
                    .update();
        }
        jdbc.sql("delete from tasklane.cluster_node where cluster_name = ?").param(cluster.name()).update();
        for (ClusterNode node : cluster.nodes()) {
            insertNode(cluster.name(), node);
        }
    }

    /** The runtime kind that runs this cluster's tasks ("local", "simulated"). */
    String runtimeOf(String cluster) {
        return jdbc.sql("select runtime from tasklane.virtual_cluster where name = ?").param(cluster)
                .query(String.class).optional().orElse("local");
    }

    void setRuntime(String cluster, String runtime) {
        jdbc.sql("update tasklane.virtual_cluster set runtime = ? where name = ?").params(runtime, cluster).update();
    }

    /** Adds the node, or changes it if the cluster already has one of that name. */
    void saveNode(String cluster, ClusterNode node) {
        int updated = jdbc.sql("update tasklane.cluster_node set capacity_skus = ?, schedulable = ? where cluster_name = ? and name = ?")
                .params(node.capacitySkus(), node.schedulable(), cluster, node.name()).update();
        if (updated == 0) {
            insertNode(cluster, node);
        }
    }

    boolean deleteNode(String cluster, String node) {
        return jdbc.sql("delete from tasklane.cluster_node where cluster_name = ? and name = ?")
                .params(cluster, node).update() == 1;
    }

    void delete(String name) {
        jdbc.sql("delete from tasklane.virtual_cluster where name = ?").param(name).update();
    }

    List<ClusterGrant> grants(String cluster) {
        return jdbc.sql("select * from tasklane.cluster_grant where cluster_name = ? order by principal_type, principal_id")
                .param(cluster)
                .query((rs, i) -> new ClusterGrant(PrincipalType.valueOf(rs.getString("principal_type")), rs.getString("principal_id")))
                .list();
    }

    void addGrant(String cluster, ClusterGrant grant) {
        jdbc.sql("""
                insert into tasklane.cluster_grant (cluster_name, principal_type, principal_id)
                select ?, ?, ? where not exists (select 1 from tasklane.cluster_grant
                  where cluster_name = ? and principal_type = ? and principal_id = ?)""")
                .params(cluster, grant.type().name(), grant.principal(), cluster, grant.type().name(), grant.principal())
                .update();
    }

    boolean removeGrant(String cluster, ClusterGrant grant) {
        return jdbc.sql("delete from tasklane.cluster_grant where cluster_name = ? and principal_type = ? and principal_id = ?")
                .params(cluster, grant.type().name(), grant.principal()).update() == 1;
    }

    /** Names of the clusters granted to the user directly or through any of the groups. */
    List<String> grantedClusterNames(String userId, Collection<String> groups) {
        String byGroup = groups.isEmpty() ? "" : " or (principal_type = 'GROUP' and principal_id in (:groups))";
        var statement = jdbc.sql("select distinct cluster_name from tasklane.cluster_grant"
                        + " where (principal_type = 'USER' and principal_id = :user)" + byGroup + " order by cluster_name")
                .param("user", userId);
        if (!groups.isEmpty()) {
            statement = statement.param("groups", groups);
        }
        return statement.query(String.class).list();
    }

    private void insertNode(String cluster, ClusterNode node) {
        jdbc.sql("insert into tasklane.cluster_node (cluster_name, name, capacity_skus, schedulable) values (?, ?, ?, ?)")
                .params(cluster, node.name(), node.capacitySkus(), node.schedulable()).update();
    }

    private static ClusterNode mapNode(ResultSet rs) throws SQLException {
        return new ClusterNode(rs.getString("name"), rs.getInt("capacity_skus"), rs.getBoolean("schedulable"));
    }

    private static VirtualCluster mapCluster(ResultSet rs, List<ClusterNode> nodes) throws SQLException {
        return new VirtualCluster(rs.getString("name"), rs.getString("gpu_type"),
                new Sku(rs.getInt("sku_gpus"), rs.getInt("sku_cpu"), rs.getInt("sku_memory_gib")),
                QueuePolicy.valueOf(rs.getString("queue_policy")), ClusterSource.valueOf(rs.getString("source")), nodes);
    }
}
