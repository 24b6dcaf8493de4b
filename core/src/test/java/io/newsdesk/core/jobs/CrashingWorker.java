package io.newsdesk.core.jobs;

import java.time.Duration;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A separate JVM that claims one job and then hangs inside it, so that a test can kill it with SIGKILL and see
 * what a real crash leaves behind. Prints {@code CLAIMED <id>} once the handler runs.
 */
public final class CrashingWorker {

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[0]);
        ds.setUser(args[1]);
        JobHandler hang = new JobHandler() {
            @Override
            public String type() {
                return "sleepy";
            }

            @Override
            public void run(JobContext context) throws Exception {
                context.progress(1, 10, "started");
                context.saveCheckpoint("{\"step\":1}");
                System.out.println("CLAIMED " + context.id());
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
        };
        var options = new JobRunner.Options(1, Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofSeconds(30),
                "node-a", Duration.ofMillis(10), Duration.ofSeconds(1));
        new JobRunner(new JobStore(ds), List.of(hang), options, null).start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
