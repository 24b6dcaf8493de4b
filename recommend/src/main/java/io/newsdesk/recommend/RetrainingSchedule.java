package io.newsdesk.recommend;

import io.newsdesk.core.jobs.JobService;
import io.newsdesk.core.jobs.JobView;
import io.newsdesk.recommend.matrix.MatrixModelJob;
import io.newsdesk.recommend.ranker.RankerTrainingJob;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps the learned models current: queues a ranker training and a matrix model training whenever the newest job of
 * that type was queued longer ago than its interval and none is waiting or running. The job queue is the only
 * state, so processes sharing the database agree on what is due and a restart does not retrain at once.
 */
@ApplicationScoped
public class RetrainingSchedule {

    private static final Logger LOG = Logger.getLogger(RetrainingSchedule.class);

    private final JobService jobs;
    private final RecommendConfig.Retrain config;
    private ScheduledExecutorService timer;

    public RetrainingSchedule(JobService jobs, RecommendConfig config) {
        this.jobs = jobs;
        this.config = config.retrain();
    }

    void onStart(@Observes @Priority(JobService.STARTUP_PRIORITY + 20) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsdesk-retraining-schedule");
            t.setDaemon(true);
            return t;
        });
        long every = config.checkEvery().toMillis();
        timer.scheduleWithFixedDelay(this::checkSafely, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The job types and how often each is due. */
    Map<String, Duration> intervals() {
        return Map.of(RankerTrainingJob.TYPE, config.rankerEvery(), MatrixModelJob.TYPE, config.matrixModelEvery());
    }

    /**
     * Queues every job type that is due at {@code now}.
     *
     * @return the types queued
     */
    public List<String> queueDue(Instant now) {
        List<String> queued = new ArrayList<>();
        intervals().forEach((type, every) -> {
            if (jobs.pending(type).isPresent()) {
                return;
            }
            Instant last = jobs.list(null, type, 1, null).items().stream().findFirst().map(JobView::createdAt)
                    .orElse(Instant.EPOCH);
            if (!last.plus(every).isAfter(now)) {
                jobs.enqueue(type, "{\"scheduled\":true}", null);
                queued.add(type);
            }
        });
        return queued;
    }

    private void checkSafely() {
        try {
            List<String> queued = queueDue(Instant.now());
            if (!queued.isEmpty()) {
                LOG.infof("retraining queued: %s", queued);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "retraining schedule check failed; trying again in %s", config.checkEvery());
        }
    }
}
