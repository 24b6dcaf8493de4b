package io.newsdesk.recommend;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;

/** {@code newsdesk.recommend.*}: how feeds are assembled and how often their models are retrained. */
@ConfigMapping(prefix = "newsdesk.recommend")
public interface RecommendConfig {

    Feed feed();

    Retrain retrain();

    /** How long a computed trending list is served before it is computed again; 0 computes it every time. */
    @WithDefault("30s")
    Duration trendingCache();

    /** {@code newsdesk.recommend.feed.*} */
    interface Feed {

        /**
         * Fusion weight per candidate source name, overriding the built-in ones (vector-profile 1.0, item-neighbours
         * 0.8, matrix-model 0.8, editor-picks 0.7, user-neighbours 0.6, bm25-interests 0.6, trending 0.5, fresh 0.4);
         * 0 turns a source off.
         */
        Map<String, Double> sourceWeights();

        /** The k of reciprocal rank fusion: larger flattens the advantage of a source's first items. */
        @WithDefault("20")
        @Min(1)
        int fusionK();

        /** Candidates each source proposes. */
        @WithDefault("60")
        @Min(1)
        int perSource();

        /** Items a feed holds across its pages. */
        @WithDefault("100")
        @Min(1)
        int depth();

        /** Relevance against novelty in maximal marginal relevance: 1 ignores redundancy. */
        @WithDefault("0.7")
        @DecimalMin("0") @DecimalMax("1")
        double mmrLambda();

        /** Largest share of a feed one section may take once a few items are chosen. */
        @WithDefault("0.7")
        @DecimalMin("0") @DecimalMax("1")
        double maxSectionShare();

        /** Cosine similarity of document vectors at or above which an item is a near duplicate of one already chosen. */
        @WithDefault("0.97")
        @DecimalMin("0") @DecimalMax("1")
        double nearDuplicateSimilarity();

        /** Extra score for a just-published article, halving every day of its age. */
        @WithDefault("0.2")
        @DecimalMin("0")
        double freshnessBoost();

        /**
         * How long a computed feed serves the reader's later pages and visits, less what they read or hid since and
         * with the articles that arrived since placed into it ({@code arrivals-per-feed}). 0 computes every first
         * page afresh.
         */
        @WithDefault("30m")
        Duration snapshotTtl();

        /** Articles that arrived after a kept feed was computed that its first page may take in; 0 takes none. */
        @WithDefault("3")
        @Min(0)
        int arrivalsPerFeed();

        /**
         * How often the feeds of recently active readers are computed ahead of their visits, so that a returning
         * reader's first page is a kept one; 0 turns this off. Keep it below {@code snapshot-ttl}.
         */
        @WithDefault("20m")
        Duration warmInterval();

        /** Readers whose latest event is at most this old get their feeds computed ahead (most recent first). */
        @WithDefault("7d")
        Duration warmWindow();

        /** The largest share of one core that computing feeds ahead of visits may take from serving. */
        @WithDefault("0.25")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
        double warmCpuShare();

        /**
         * Readers whose feeds are kept; beyond it the cache's size policy drops some, and warming adds no more. A kept
         * feed holds up to three feeds' depth of candidates, about 250 bytes each (80 KB at the default depth), and
         * the candidates' similarities to each item its pages have reached (1.2 KB per item at the default depth).
         */
        @WithDefault("10000")
        @Min(1)
        int snapshotReaders();

        /** How long after a reader's events their kept feed is computed again, so a burst costs one computation. */
        @WithDefault("2s")
        Duration refreshDelay();

        /** The largest share of one core that refreshes of kept feeds after their readers' events may take from serving. */
        @WithDefault("0.25")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
        double refreshCpuShare();

        /** Readers whose feeds may wait for a refresh at once; beyond it a kept feed is only filtered until it expires. */
        @WithDefault("10000")
        @Min(1)
        int refreshQueue();
    }

    /** {@code newsdesk.recommend.retrain.*} */
    interface Retrain {

        /** Whether this process queues retraining jobs on a schedule. */
        @WithDefault("true")
        boolean enabled();

        /** Queue a ranker training when the last one was queued longer ago than this. */
        @WithDefault("6h")
        Duration rankerEvery();

        /** Queue a matrix model training when the last one was queued longer ago than this. */
        @WithDefault("1h")
        Duration matrixModelEvery();

        /** How often the schedule looks. */
        @WithDefault("1m")
        Duration checkEvery();
    }
}
