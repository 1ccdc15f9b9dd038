package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The reasons the domain writes on a run read back as their code's words, with what is data kept as stored. */
class RunReasonTest {

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
        RunReason failed = RunReason.read("ReplicaFailed: replica 1 on node local-1: exited with code 3");
        assertThat(failed.key()).isEqualTo("reason.ReplicaFailed");
        assertThat(failed.arguments()).containsExactly("1", "local-1");
        assertThat(failed.detail()).isEqualTo("exited with code 3");
        assertThat(said(failed, SIMPLIFIED)).isEqualTo("副本失败：节点 local-1 上的副本 1");

        RunReason ofARole = RunReason.read("ReplicaFailed: role worker index 0 (replica 2) on node n1: killed by signal 9 (exit code 137)");
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
        RunReason deploy = RunReason.read("DeployFailed: pods \"r-1\" is forbidden: exceeded quota");
        assertThat(said(deploy, SIMPLIFIED)).isEqualTo("部署失败");
        assertThat(deploy.detail()).isEqualTo("pods \"r-1\" is forbidden: exceeded quota");
    }

    @Test
    void aTextNoCodeExplainsIsShownAsStored() {
        RunReason own = RunReason.read("moved to the night shift");
        assertThat(own.key()).isNull();
        assertThat(own.stored()).isEqualTo("moved to the night shift");
        assertThat(RunReason.read(null)).isNull();
    }

    private String said(String stored, Locale locale) {
        return said(RunReason.read(stored), locale);
    }

    private String said(RunReason reason, Locale locale) {
        return messages.getMessage(reason.key(), reason.arguments(), locale);
    }
}
