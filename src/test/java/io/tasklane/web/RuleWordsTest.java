package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.tasklane.common.ConflictException;
import io.tasklane.common.FieldViolation;
import io.tasklane.task.TaskRules;
import io.tasklane.task.TaskSpec;
import io.tasklane.task.TaskSpecBuilder;
import io.tasklane.task.TaskState;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A broken rule reads in the page's language, and every rule code the code base writes has words in all three bundles. */
class RuleWordsTest {

    private static final Locale SIMPLIFIED = Locale.forLanguageTag("zh-CN");
    private static final Locale TRADITIONAL = Locale.forLanguageTag("zh-TW");
    private static final List<String> BUNDLES = List.of("messages.properties", "messages_zh_CN.properties", "messages_zh_TW.properties");
    /** The rule code of every violation written with a literal code: new FieldViolation / FieldViolation.of / new InvalidInputException. */
    private static final Pattern RULE_CODE = Pattern.compile(
            "(?:new FieldViolation|FieldViolation\\.of|new InvalidInputException)\\((?:[^;]*?),\\s*\"([a-z][a-z0-9-]*)\"\\s*,", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final RuleWords words = new RuleWords(messages());

    @Test
    void aRuleReadsInThePagesLanguageWithItsFigures() {
        FieldViolation tooMany = FieldViolation.of("replicas", "max", "replicas must be at most 1000", 1000);
        assertThat(words.say(tooMany, SIMPLIFIED)).isEqualTo("最多为 1000");
        assertThat(words.say(tooMany, TRADITIONAL)).isEqualTo("最多為 1000");
        assertThat(words.say(tooMany, Locale.ENGLISH)).isEqualTo("replicas must be at most 1000");
    }

    @Test
    void figuresAreWrittenAsTheyAreNotGroupedAsAmounts() {
        FieldViolation twice = FieldViolation.of("ports[1].containerPort", "unique", "containerPort 8000 is listed twice", 8000);
        assertThat(words.say(twice, Locale.ENGLISH)).isEqualTo("ports[1].containerPort 8000 is listed twice");
        assertThat(words.say(twice, SIMPLIFIED)).isEqualTo("8000 重复出现");
    }

    @Test
    void theDomainsOwnViolationsReadInChinese() {
        TaskSpec spec = TaskSpecBuilder.aSpec().replicas(5000).env("SHM_SIZE", "lots").build();
        List<FieldViolation> broken = TaskRules.check(spec, null);
        assertThat(broken).extracting(v -> words.say(v, SIMPLIFIED))
                .contains("最多为 1000", "SHM_SIZE 须为带单位 K、M 或 G 的整数，例如 512M 或 60G");
    }

    @Test
    void aCodeWithoutWordsOrAViolationWithoutItsFiguresKeepsTheDomainsEnglish() {
        assertThat(words.say(new FieldViolation("state", "task-active", "task is RUNNING"), SIMPLIFIED)).isEqualTo("task is RUNNING");
        assertThat(words.say(new FieldViolation("offset", "range", "offset must be 0 or more"), SIMPLIFIED))
                .isEqualTo("offset must be 0 or more");
    }

    @Test
    void aClashIsToldWithTheStatesLabelAndARuleMayHaveWordsForOneField() {
        ConflictException notStoppable = new ConflictException("state", "stoppable", "task t1 is CREATED; a stop is allowed from [...]",
                "t1", TaskState.CREATED);
        assertThat(words.say(notStoppable.violation(), SIMPLIFIED)).isEqualTo("任务 t1 当前为“未部署”，现在不能停止");
        ConflictException taken = new ConflictException("name", "unique", "project 'demo' already has a task named 'chat'", "demo", "chat");
        assertThat(words.say(taken.violation(), TRADITIONAL)).isEqualTo("項目「demo」中已有名為「chat」的任務");
        assertThat(words.say(taken.violation(), Locale.ENGLISH)).isEqualTo("project 'demo' already has a task named 'chat'");
    }

    @Test
    void clashesOfQueuesPinsVersionsAndBudgetsReadInChinese() {
        ConflictException pinned = new ConflictException("pinned", "one-per-queue", "queue a100 already has a pinned task, ...", "a100", "chat");
        assertThat(words.say(pinned.violation(), SIMPLIFIED)).isEqualTo("队列 a100 已有置顶任务“chat”，请先取消置顶");
        assertThat(words.say(pinned.violation(), Locale.ENGLISH)).isEqualTo("queue a100 already has a pinned task, 'chat'; unpin it first");
        ConflictException forceStart = new ConflictException("forceStart", "one-per-queue", "force-start fs1 by admin is already ...",
                "fs1", "admin", "a100");
        assertThat(words.say(forceStart.violation(), TRADITIONAL)).isEqualTo("叢集 a100 上已有 admin 發起的強制啟動 fs1 正在進行，請先對它作出決定");
        ConflictException changed = new ConflictException("version", "concurrent-change", "task t1 was changed by someone else...", "t1");
        assertThat(words.say(changed.violation(), SIMPLIFIED)).isEqualTo("任务 t1 已被他人修改，请重新读取后再试");
        ConflictException spent = new ConflictException("budget", "budget-spent", "project vision has used 12.5 of its 10 ...", "vision",
                12.5, 10.0, java.time.Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(words.say(spent.violation(), SIMPLIFIED))
                .isEqualTo("项目 vision 本月已用 12.5 GPU 小时，预算为 10.0；在 2026-12-31T16:00:00Z 之前或管理员提高、取消预算之前，不能启动新的运行");
    }

    @Test
    void aRefusalKeepsItsOwnSentenceWhichNamesWhoMay() {
        String sentence = "caller alice is not a member of project 'vision'";
        FieldViolation forbidden = FieldViolation.of("project", "forbidden", sentence, sentence);
        assertThat(words.say(forbidden, Locale.ENGLISH)).isEqualTo(sentence);
        assertThat(words.say(forbidden, SIMPLIFIED)).isEqualTo("你无权执行此操作（" + sentence + "）");
    }

    @Test
    void aScheduleRuleNamesItsFieldWithoutTheWizardsPrefix() {
        FieldViolation early = FieldViolation.of("schedule.windows[0].minReplicas", "min", "windows[0].minReplicas must be at least 1", 1);
        assertThat(words.say(early, Locale.ENGLISH)).isEqualTo("windows[0].minReplicas must be at least 1");
    }

    @Test
    void everyRuleCodeTheCodeBaseWritesHasWordsInAllThreeBundles() throws IOException {
        Set<String> codes = ruleCodes();
        assertThat(codes).as("the scan finds the rule codes").hasSizeGreaterThan(40).contains("required", "fits-cluster", "shm-size");
        Properties english = load(BUNDLES.get(0));
        for (String bundle : BUNDLES) {
            Properties words = load(bundle);
            for (String code : codes) {
                assertThat(words.getProperty("rule." + code)).as(bundle + ": rule." + code).isNotBlank();
                // a translation may leave the field out (it is shown at the field) but needs no figure English lacks
                assertThat(placeholders(words.getProperty("rule." + code))).as(bundle + ": rule." + code)
                        .isSubsetOf(placeholders(english.getProperty("rule." + code)));
            }
        }
    }

    private static Set<String> ruleCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = RULE_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        return codes;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RuleWordsTest.class.getResourceAsStream("/" + bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
