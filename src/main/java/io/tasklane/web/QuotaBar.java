package io.tasklane.web;

import java.util.List;

import io.tasklane.usage.ProjectQuota;

/**
 * A project's quota on a cluster as a bar: the SKUs it holds of the most it may hold at once. {@code percent} is the
 * bar's filled share (capped at 100); {@code over} marks a project holding more than a quota lowered under it.
 */
public record QuotaBar(String project, int heldSkus, int maxSkus, int percent, boolean over) {

    static QuotaBar of(ProjectQuota quota) {
        int max = quota.maxSkus();
        int held = quota.heldSkus();
        int percent = max == 0 ? (held > 0 ? 100 : 0) : (int) Math.min(100, Math.round(100.0 * held / max));
        return new QuotaBar(quota.project(), held, max, percent, held > max);
    }

    static List<QuotaBar> of(List<ProjectQuota> quotas) {
        return quotas.stream().filter(q -> q.maxSkus() != null).map(QuotaBar::of).toList();
    }
}
