package io.newsdesk.core.index;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code newsdesk.index.*}: where the article index lives and how search ranks. */
@ConfigMapping(prefix = "newsdesk.index")
public interface IndexConfig {

    /** Index folder; defaults to {@code <newsdesk.data.dir>/index}. */
    Optional<String> dir();

    /** {@code float32} or {@code int8} (scalar-quantised HNSW); changing it rebuilds the index. */
    @WithDefault("float32")
    String vectorFormat();

    /** Longest time between an article write and the commit that makes it survive a crash. */
    @WithDefault("5s")
    Duration commitInterval();

    /** Articles embedded and indexed per batch. */
    @WithDefault("64")
    int batchSize();

    /**
     * Document vectors kept in memory for recommendation and editor tools (about 1.6 KB each), so a feed does not
     * read them from PostgreSQL every time; 0 turns the cache off.
     */
    @WithDefault("50000")
    int vectorCache();

    Search search();

    /** {@code newsdesk.index.search.*}: hybrid ranking, see {@link SearchTuning}. */
    interface Search {

        @WithDefault("100")
        int candidates();

        @WithDefault("20")
        int rrfK();

        @WithDefault("0.5")
        double bm25Weight();

        @WithDefault("1.0")
        double vectorWeight();
    }
}
