/**
 * Durable background jobs in PostgreSQL.
 *
 * <p>A job is a row in {@code core_job}; workers claim queued rows with {@code FOR UPDATE SKIP LOCKED}, so any
 * number of workers and processes share one queue without double work. A running job's worker writes a heartbeat;
 * when a process dies, its jobs are found by their stale heartbeat (or at once, by the next process on the same
 * node) and queued again until they run out of attempts, then marked failed: a job is never lost. Every update a
 * worker makes names the worker, so a worker that lost its job to another cannot overwrite it.
 *
 * <p>Long work implements {@link io.newsdesk.core.jobs.JobHandler}: it reports progress, checks for cancellation
 * and may save a checkpoint to resume from on its next attempt.
 */
package io.newsdesk.core.jobs;
