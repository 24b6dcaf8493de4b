package io.newsdesk.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.core.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job queue and its workers on the real PostgreSQL. */
class JobRunnerTest {

    static TestDatabase db;
    static JobStore store;
    final List<JobRunner> runners = new ArrayList<>();

    @BeforeAll
    static void database() {
        db = TestDatabase.create("jobs");
        store = new JobStore(db.dataSource());
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @AfterEach
    void stopRunners() {
        runners.forEach(JobRunner::close);
    }

    @Test
    void runsAJobToCompletionWithProgressAndResult() {
        JobRunner runner = start("node-1", handler("count", ctx -> {
            for (int i = 1; i <= 5; i++) {
                ctx.progress(i, 5, "counting");
            }
            ctx.result("{\"counted\":5}");
        }));
        UUID id = runner.enqueue("count", "{\"to\":5}", null);
        JobView done = awaitState(id, JobState.SUCCEEDED);
        assertThat(done.progress().done()).isEqualTo(5);
        assertThat(done.progress().percent()).isEqualTo(100.0);
        assertThat(done.result()).contains("\"counted\": 5");
        assertThat(done.payload()).contains("\"to\": 5");
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.finishedAt()).isNotNull();
    }

    @Test
    void reportsProgressAndAnEstimateWhileRunning() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JobRunner runner = start("node-1", handler("slow", ctx -> {
            ctx.progress(0, 100, "warming up");
            Thread.sleep(300);
            ctx.progress(50, 100, "halfway");
            halfway.countDown();
            release.await(10, TimeUnit.SECONDS);
        }));
        UUID id = runner.enqueue("slow", null, null);
        assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
        JobView running = store.find(id).orElseThrow();
        assertThat(running.state()).isEqualTo(JobState.RUNNING);
        assertThat(running.progress().phase()).isEqualTo("halfway");
        assertThat(running.progress().percent()).isEqualTo(50.0);
        assertThat(running.progress().etaSeconds()).isNotNull().isBetween(0L, 5L);
        release.countDown();
        awaitState(id, JobState.SUCCEEDED);
    }

    @Test
    void aQueuedJobIsCancelledAtOnceAndARunningOneAtItsNextCheck() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        JobRunner runner = start("node-1", handler("loop", ctx -> {
            started.countDown();
            while (true) {
                ctx.throwIfCancelled();
                Thread.sleep(20);
            }
        }));
        UUID running = runner.enqueue("loop", null, null);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        // a type no worker here runs, so it is still queued when cancelled: the second worker would claim a "loop"
        UUID queued = store.enqueue("loop-elsewhere", "{}", null, 3);
        JobView cancelledAtOnce = store.requestCancel(queued).orElseThrow();
        assertThat(cancelledAtOnce.state()).isEqualTo(JobState.CANCELLED);
        store.requestCancel(running);
        awaitState(running, JobState.CANCELLED);
    }

    @Test
    void aFailingJobIsRetriedThenMarkedFailedWithItsError() {
        AtomicInteger attempts = new AtomicInteger();
        JobRunner runner = start("node-1", new JobHandler() {
            @Override
            public String type() {
                return "broken";
            }

            @Override
            public void run(JobContext context) {
                attempts.incrementAndGet();
                throw new IllegalStateException("disk full on attempt " + context.attempt());
            }

            @Override
            public int maxAttempts() {
                return 2;
            }
        });
        UUID id = runner.enqueue("broken", null, null);
        JobView failed = awaitState(id, JobState.FAILED);
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.error()).isEqualTo("disk full on attempt 2");
    }

    @Test
    void twoRunnersNeverRunTheSameJob() {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        List<UUID> duplicates = Collections.synchronizedList(new ArrayList<>());
        JobHandler once = handler("once", ctx -> {
            if (!seen.add(ctx.id())) {
                duplicates.add(ctx.id());
            }
            Thread.sleep(5);
        });
        JobRunner a = start("node-1", once);
        start("node-2", once);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(a.enqueue("once", null, null));
        }
        ids.forEach(id -> awaitState(id, JobState.SUCCEEDED));
        assertThat(seen).hasSize(40);
        assertThat(duplicates).isEmpty();
    }

    @Test
    void aJobSurvivesTheKillOfTheProcessRunningIt() throws Exception {
        UUID id = store.enqueue("sleepy", "{}", new byte[] {1, 2, 3}, 3);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process worker = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWorker.class.getName(), db.jdbcUrl(), TestDatabase.user())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream()))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("CLAIMED"));
            assertThat(line).as("the child JVM claimed the job").isEqualTo("CLAIMED " + id);
        }
        worker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);

        // a new process on the same node takes the job back at once, with its checkpoint and input
        List<String> seenCheckpoint = new ArrayList<>();
        List<Integer> seenInput = new ArrayList<>();
        start("node-a", handler("sleepy", ctx -> {
            seenCheckpoint.add(ctx.checkpoint());
            seenInput.add(ctx.input().length);
        }));
        JobView done = awaitState(id, JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(seenCheckpoint).containsExactly("{\"step\":1}");
        assertThat(seenInput).containsExactly(3);
    }

    @Test
    void aJobWhoseWorkerStoppedBeatingIsTakenByAnotherNode() {
        UUID id = store.enqueue("orphan", "{}", null, 3);
        var claimed = store.claim("far-node/dead-worker", Set.of("orphan"));
        assertThat(claimed).isPresent();
        // a worker on another node cannot tell the dead one is gone until its heartbeat is stale
        start("node-1", Duration.ofMillis(600), handler("orphan", ctx -> { }));
        JobView done = awaitState(id, JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
    }

    @Test
    void aStaleWorkerCannotOverwriteAJobThatWasTakenFromIt() {
        UUID id = store.enqueue("fenced", "{}", null, 3);
        store.claim("node-x/old", Set.of("fenced")).orElseThrow();
        store.recover(Duration.ZERO, "node-x/", "node-x/new");
        store.claim("node-x/new", Set.of("fenced")).orElseThrow();
        assertThat(store.succeed(id, "node-x/old", "{}")).isFalse();
        assertThat(store.progress(id, "node-x/old", 1, 2, "zombie")).isEmpty();
        assertThat(store.succeed(id, "node-x/new", "{}")).isTrue();
    }

    @Test
    void listsNewestFirstWithCursorsAndFilters() {
        for (int i = 0; i < 5; i++) {
            store.enqueue("listed", "{\"i\":" + i + "}", null, 1);
        }
        JobPage first = store.list(JobState.QUEUED, "listed", 3, null);
        JobPage second = store.list(JobState.QUEUED, "listed", 3, first.nextCursor());
        assertThat(first.items()).hasSize(3);
        assertThat(second.items()).hasSize(2);
        assertThat(second.nextCursor()).isNull();
        assertThat(first.items().get(0).payload()).contains("4");
        assertThat(second.items().get(1).payload()).contains("0");
    }

    @Test
    void refusesToQueueATypeNobodyRuns() {
        JobRunner runner = start("node-1", handler("known", ctx -> { }));
        assertThatThrownBy(() -> runner.enqueue("unknown", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown");
    }

    private JobRunner start(String node, JobHandler... handlers) {
        return start(node, Duration.ofSeconds(30), handlers);
    }

    private JobRunner start(String node, Duration staleAfter, JobHandler... handlers) {
        var options = new JobRunner.Options(2, Duration.ofMillis(50), Duration.ofMillis(100), staleAfter, node,
                Duration.ofMillis(10), Duration.ofSeconds(2));
        JobRunner runner = new JobRunner(store, List.of(handlers), options, null);
        runner.start();
        runners.add(runner);
        return runner;
    }

    interface Work {
        void run(JobContext context) throws Exception;
    }

    private static JobHandler handler(String type, Work work) {
        return new JobHandler() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public void run(JobContext context) throws Exception {
                work.run(context);
            }
        };
    }

    private static JobView awaitState(UUID id, JobState state) {
        await(() -> store.find(id).orElseThrow().state() == state, "job " + id + " to be " + state);
        return store.find(id).orElseThrow();
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
