package io.newsdesk.core.jobs;

import io.newsdesk.core.problem.Problem;
import io.newsdesk.core.problem.ProblemException;

/** No job has this id. */
public class JobNotFoundException extends ProblemException {

    public JobNotFoundException(String id) {
        super(Problem.of("job-not-found", "Job not found", 404, "no job has id '" + id + "'").with("jobId", id));
    }
}
