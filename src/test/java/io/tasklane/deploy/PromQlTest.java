package io.tasklane.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromQlTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "tasklane_runs{state=\"RUNNING\"}                                                            | none",
            "sum by (cluster) (tasklane_cluster_skus_used{cluster=~\"$cluster\"})                       | sum",
            "max by (cluster, state) (tasklane_runs{cluster=~\"$cluster\"})                             | max",
            "max(tasklane_engine_jobs_due)                                                              | max",
            "sum(tasklane_runs) by (state)                                                              | sum",
            "sum by (project) (max by (project, cluster) (increase(tasklane_gpu_hours_total[1h])))      | max",
            "sum by (project) (increase(tasklane_gpu_hours_total{cluster=~\"$cluster\"}[1h]))           | sum",
            "histogram_quantile(0.95, sum by (le) (rate(tasklane_dispatch_pass_seconds_bucket[5m])))    | sum",
            "sum by (cluster) (rate(tasklane_admissions_total[5m])) * 60                                | sum",
            "max without (instance, pod) (tasklane_cluster_skus_free)                                   | max",
            "(tasklane_queue_waiting_runs)                                                              | none",
    })
    void findsTheFirstAggregationAppliedToTheMetric(String expr, String aggregation) {
        assertThat(PromQl.firstAggregations(expr).values()).containsExactly(aggregation);
    }
}
