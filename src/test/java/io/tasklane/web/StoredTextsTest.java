package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The reasons and outcomes the domain writes read back as their words, with what is data kept as stored. */
class StoredTextsTest {

    private static final Locale SIMPLIFIED = Locale.forLanguageTag("zh-CN");
    private final ResourceBundleMessageSource messages = RuleWordsTest.messages();

    @Test
    void aPersonsStopOrKillNamesThePerson() {
        assertThat(said("stopped by alice", SIMPLIFIED)).isEqualTo("由 alice 停止");
        assertThat(said("killed to force-start train-big by admin", SIMPLIFIED)).isEqualTo("为强制启动 train-big 被 admin 终止");
        assertThat(said("killed to force-start train-big by admin", Locale.ENGLISH)).isEqualTo("killed to force-start train-big by admin");
    }

    @Test
    void aFailedReplicasMessageIsDataAndStaysAsItIs() {
        StoredText failed = StoredTexts.RUN_REASONS.read("ReplicaFailed: replica 1 on node local-1: exited with code 3");
        assertThat(failed.key()).isEqualTo("reason.ReplicaFailed");
        assertThat(failed.arguments()).containsExactly("1", "local-1");
        assertThat(failed.detail()).isEqualTo("exited with code 3");
        assertThat(said(failed, SIMPLIFIED)).isEqualTo("副本失败：节点 local-1 上的副本 1");

        StoredText ofARole = StoredTexts.RUN_REASONS.read("ReplicaFailed: role worker index 0 (replica 2) on node n1: killed by signal 9 (exit code 137)");
        assertThat(ofARole.arguments()).containsExactly("worker", "0", "2", "n1");
        assertThat(ofARole.detail()).isEqualTo("killed by signal 9 (exit code 137)");
    }

    @Test
    void aQuotaWaitIsToldWithItsFigures() {
        assertThat(said("QuotaExceeded: project vision holds 6 of its 8 SKUs on cluster a100; this run needs 4", SIMPLIFIED))
                .isEqualTo("超出配额：项目 vision 在集群 a100 上已占用其 8 个 SKU 中的 6 个；本次运行还需 4 个");
        assertThat(said("QuotaExceeded: an earlier run of project vision waits for the project's quota, and this queue is first in, "
                + "first out", Locale.ENGLISH)).isEqualTo("over its quota: an earlier run of project vision waits for the project's quota, "
                + "and this queue is first in, first out");
    }

    @Test
    void completionsAndTimeouts() {
        assertThat(said("Completed: all 2 replica(s) exited with code 0", SIMPLIFIED)).isEqualTo("已完成：全部 2 个副本以退出码 0 结束");
        assertThat(said("StartupTimeout: the replicas were not ready within PT5M", SIMPLIFIED)).isEqualTo("启动超时：副本未在 PT5M 内就绪");
        assertThat(said("DeadlineExceeded: still running at the active deadline 2026-12-06T10:00:00Z", SIMPLIFIED))
                .isEqualTo("超出运行期限：到期限 2026-12-06T10:00:00Z 时仍在运行");
    }

    @Test
    void aKnownCodeWithParticularsNoPatternKnowsShowsTheCodesWordsAndTheParticularsAsData() {
        StoredText deploy = StoredTexts.RUN_REASONS.read("DeployFailed: pods \"r-1\" is forbidden: exceeded quota");
        assertThat(said(deploy, SIMPLIFIED)).isEqualTo("部署失败");
        assertThat(deploy.detail()).isEqualTo("pods \"r-1\" is forbidden: exceeded quota");
    }

    @Test
    void aTextNoCodeExplainsIsShownAsStored() {
        StoredText own = StoredTexts.RUN_REASONS.read("moved to the night shift");
        assertThat(own.key()).isNull();
        assertThat(own.stored()).isEqualTo("moved to the night shift");
        assertThat(StoredTexts.RUN_REASONS.read(null)).isNull();
    }

    @Test
    void aForceStartsOutcomeIsToldInThePagesLanguage() {
        StoredTexts outcomes = StoredTexts.FORCE_START_OUTCOMES;
        assertThat(said(outcomes.read("confirmed by admin; killing 1 run(s) to free 2 GPU(s)"), SIMPLIFIED))
                .isEqualTo("已由 admin 确认；正在终止 1 个运行以释放 2 个 GPU");
        assertThat(said(outcomes.read("nothing killed: the pinned task left the queue before it got its GPUs (it is STOPPED, not pinned)"),
                SIMPLIFIED)).isEqualTo("置顶任务在获得 GPU 之前已离开队列（当前为“已停止”）");
        StoredText timedOut = outcomes.read("timed out: task big did not get its GPUs within PT10M of the confirmation; it is still QUEUED"
                + " and pinned, so nothing behind it is admitted; victims not yet ended: small (run r1, STOPPING). Unpin it, or force-start it again");
        assertThat(timedOut.key()).isEqualTo("forceStart.outcome.timedOut");
        assertThat(timedOut.detail()).isEqualTo("small (run r1, STOPPING)");
        assertThat(timedOut.in(messages, SIMPLIFIED)).isEqualTo("已超时：任务 big 在确认后 PT10M 内未获得 GPU；它仍为“排队中”且置顶，其后的运行都不会被准入。"
                + "请取消置顶，或再次强制启动 — small (run r1, STOPPING)");
        assertThat(said(outcomes.read("cannot force start: the task needs 1 replica(s) of 8 SKU(s), and even with every eligible run killed"
                + " (2 run(s); 1 pinned or not yet running are never killed) the cluster would have 4 free SKU(s) that do not hold it"), SIMPLIFIED))
                .isEqualTo("无法强制启动：任务需要 1 个副本、每个 8 个 SKU，即使终止所有可终止的运行（2 个），集群也只有 4 个空闲 SKU，放不下它");
    }

    @Test
    void theHistorysEntriesAboutARunReadInThePagesLanguage() {
        assertThat(said("GPUs allocated to run r1", SIMPLIFIED)).isEqualTo("已为运行 r1 分配 GPU");
        assertThat(said("all 2 replica(s) of run r1 are up", SIMPLIFIED)).isEqualTo("运行 r1 的全部 2 个副本已就绪");
        assertThat(said("run r1 started by alice", SIMPLIFIED)).isEqualTo("运行 r1 由 alice 启动");
        assertThat(said("fire at 2026-12-06T00:00:00Z skipped: the task is RUNNING", SIMPLIFIED))
                .isEqualTo("2026-12-06T00:00:00Z 的触发已跳过：任务当前为“运行中”");
        StoredText pinned = StoredTexts.RUN_REASONS.read("pinned to the head of queue a100 by admin (asked by alice: demo at noon)");
        assertThat(said(pinned, SIMPLIFIED)).isEqualTo("由 admin 置顶到队列 a100 的队首");
        assertThat(pinned.detail()).isEqualTo("demo at noon");
    }

    private String said(String stored, Locale locale) {
        return said(StoredTexts.RUN_REASONS.read(stored), locale);
    }

    private String said(StoredText reason, Locale locale) {
        return messages.getMessage(reason.key(), reason.arguments(), locale);
    }
}
