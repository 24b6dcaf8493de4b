package io.newsdesk.core.index;

import io.newsdesk.core.jobs.JobCancelledException;
import io.newsdesk.core.jobs.JobContext;
import io.newsdesk.core.jobs.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code index-rebuild} job: empties the article index and fills it again from PostgreSQL. */
@ApplicationScoped
public class IndexRebuildJob implements JobHandler {

    private final IndexSync sync;

    public IndexRebuildJob(IndexSync sync) {
        this.sync = sync;
    }

    @Override
    public String type() {
        return IndexSync.REBUILD_JOB;
    }

    @Override
    public void run(JobContext context) throws Exception {
        try {
            sync.rebuild(context);
        } catch (JobCancelledException e) {
            sync.rebuildAbandoned();
            throw e;
        } catch (Exception e) {
            if (context.attempt() >= maxAttempts()) {
                sync.rebuildAbandoned();
            }
            throw e;
        }
    }
}
