package io.tasklane.task;

import static io.tasklane.task.TaskSpecBuilder.aSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The task tables on PostgreSQL: round trips, the unique name, optimistic versions, tags and history. */
@IntegrationTest
class TaskRepositoryTest {

    @Autowired
    TaskRepository tasks;
    @Autowired
    TaskEventLog events;
    @Autowired
    JdbcClient jdbc;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @BeforeEach
    void empty() {
        io.tasklane.support.Database.deleteAllTasks(jdbc);
    }

    @Test
    void aTaskComesBackAsItWasSaved() {
        TaskSpec spec = aSpec().name("round-trip").ray("serve", "app").port(8000, 30080).env("SHM_SIZE", "1G")
                .env("A", "b").storage("data", "/data").tags("x", "y").description("d").priority(5).build().withDefaults();
        Task task = Task.create(spec, "alice", now);

        tasks.insert(task);
        Task read = tasks.findById(task.id()).orElseThrow();

        assertThat(read.spec()).isEqualTo(spec);
        assertThat(read.spec().env()).containsExactly(java.util.Map.entry("SHM_SIZE", "1G"), java.util.Map.entry("A", "b"));
        assertThat(read.state()).isEqualTo(TaskState.CREATED);
        assertThat(read.creator()).isEqualTo("alice");
        assertThat(read.createdAt()).isEqualTo(now);
        assertThat(read.version()).isZero();
    }

    @Test
    void theDatabaseRefusesASecondTaskOfTheSameNameInAProject() {
        tasks.insert(Task.create(aSpec().name("same").build().withDefaults(), "alice", now));

        assertThat(tasks.nameTaken("demo", "same")).isTrue();
        assertThatThrownBy(() -> tasks.insert(Task.create(aSpec().name("same").build().withDefaults(), "alice", now)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aSaveFromAStaleCopyIsRefused() {
        Task task = Task.create(aSpec().name("versioned").build().withDefaults(), "alice", now);
        tasks.insert(task);
        Task first = tasks.findById(task.id()).orElseThrow();
        Task second = tasks.findById(task.id()).orElseThrow();

        first.edit(aSpec().name("versioned").replicas(2).build().withDefaults(), now);
        second.edit(aSpec().name("versioned").replicas(3).build().withDefaults(), now);

        assertThat(tasks.update(first)).isTrue();
        assertThat(tasks.update(second)).isFalse();
        assertThat(tasks.findById(task.id()).orElseThrow().spec().replicas()).isEqualTo(2);
        assertThat(tasks.findById(task.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void tagsAreReplacedOnUpdateAndRemovedWithTheTask() {
        Task task = Task.create(aSpec().name("tagged").tags("a", "b").build().withDefaults(), "alice", now);
        tasks.insert(task);
        Task read = tasks.findById(task.id()).orElseThrow();
        read.edit(aSpec().name("tagged").tags("c").build().withDefaults(), now);
        tasks.update(read);

        assertThat(tasks.findById(task.id()).orElseThrow().spec().tags()).containsExactly("c");
        tasks.delete(task.id());
        assertThat(jdbc.sql("select count(*) from tasklane.task_tag").query(Long.class).single()).isZero();
    }

    @Test
    void searchSeesOnlyVisibleProjects() {
        tasks.insert(Task.create(aSpec().name("mine").build().withDefaults(), "alice", now));

        TaskQuery all = new TaskQuery(null, null, null, null, null, null, null, null, null, 0, 20, null, false);
        assertThat(tasks.search(all, null).total()).isEqualTo(1);
        assertThat(tasks.search(all, Set.of("demo")).total()).isEqualTo(1);
        assertThat(tasks.search(all, Set.of("vision")).total()).isZero();
        assertThat(tasks.search(all, Set.of()).total()).isZero();
    }

    @Test
    void historyIsAppendOnlyAndOutlivesTheTask() {
        Task task = Task.create(aSpec().name("audited").build().withDefaults(), "alice", now);
        tasks.insert(task);
        events.append(task.id(), now, "alice", TaskEvent.CREATED, null, TaskState.CREATED, null);
        events.append(task.id(), now.plusSeconds(1), "bob", TaskEvent.STATE_CHANGED, TaskState.CREATED, TaskState.QUEUED, "started");
        tasks.delete(task.id());

        List<TaskEvent> history = events.history(task.id());
        assertThat(history).extracting(TaskEvent::type).containsExactly(TaskEvent.CREATED, TaskEvent.STATE_CHANGED);
        assertThat(history.get(1).fromState()).isEqualTo(TaskState.CREATED);
        assertThat(history.get(1).toState()).isEqualTo(TaskState.QUEUED);
        assertThat(history.get(1).reason()).isEqualTo("started");
        assertThat(history.get(1).actor()).isEqualTo("bob");
    }

    @Test
    void theListIsBackedByIndexes() {
        List<String> indexes = jdbc.sql("select indexname from pg_indexes where schemaname = 'tasklane' and tablename = 'task'")
                .query(String.class).list();

        assertThat(indexes).contains("task_by_created", "task_by_updated", "task_by_name", "task_by_project",
                "task_by_cluster", "task_by_creator", "task_by_state", "task_name_trgm", "task_id_trgm");
    }
}
