package io.newsdesk.app;

import static io.newsdesk.app.Api.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.core.jobs.JobService;
import io.newsdesk.recommend.RetrainingSchedule;
import io.newsdesk.recommend.matrix.MatrixModelJob;
import io.newsdesk.recommend.ranker.RankerTrainingJob;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The retraining schedule queues the ranker and matrix model jobs when they are due (6 h and 1 h by default), never
 * while one is waiting or running, and not again before the interval since the last one has passed. The timer is off in tests; the
 * test asks the schedule directly what is due at chosen moments.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RetrainingScheduleTest {

    @Inject
    RetrainingSchedule schedule;

    @Inject
    JobService jobs;

    @Test
    void queuesEachTrainingWhenDueAndOnlyThen() {
        Instant muchLater = Instant.now().plus(Duration.ofDays(30));
        boolean rankerWaiting = jobs.pending(RankerTrainingJob.TYPE).isPresent();
        boolean matrixWaiting = jobs.pending(MatrixModelJob.TYPE).isPresent();
        List<String> queued = schedule.queueDue(muchLater);
        assertThat(queued.contains(RankerTrainingJob.TYPE) || rankerWaiting).as("ranker training queued: " + queued).isTrue();
        assertThat(queued.contains(MatrixModelJob.TYPE) || matrixWaiting).as("matrix training queued: " + queued).isTrue();
        assertThat(schedule.queueDue(Instant.now())).as("nothing is due again right after queueing").isEmpty();

        await("both trainings finished", () -> jobs.pending(RankerTrainingJob.TYPE).isEmpty()
                && jobs.pending(MatrixModelJob.TYPE).isEmpty());
        Instant now = Instant.now();
        assertThat(schedule.queueDue(now)).as("just trained").isEmpty();
        assertThat(schedule.queueDue(now.plus(Duration.ofMinutes(90)))).as("an hour and a half later")
                .containsExactly(MatrixModelJob.TYPE);
        await("matrix training finished", () -> jobs.pending(MatrixModelJob.TYPE).isEmpty());
        assertThat(schedule.queueDue(now.plus(Duration.ofHours(7)))).as("seven hours later").contains(RankerTrainingJob.TYPE);
    }
}
