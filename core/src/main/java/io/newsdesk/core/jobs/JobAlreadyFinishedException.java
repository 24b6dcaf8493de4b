package io.newsdesk.core.jobs;

import io.newsdesk.core.problem.Problem;
import io.newsdesk.core.problem.ProblemException;

/** A job that already finished cannot be cancelled. */
public class JobAlreadyFinishedException extends ProblemException {

    public JobAlreadyFinishedException(JobView job) {
        super(Problem.of("job-finished", "Job already finished", 409,
                "job " + job.id() + " already " + job.state() + "; there is nothing to cancel").with("state", job.state().code()));
    }
}
