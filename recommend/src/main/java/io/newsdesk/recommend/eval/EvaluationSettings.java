package io.newsdesk.recommend.eval;

/**
 * What an evaluation job measures: on which protocol, over how many seeds, on how many days of engagement, which
 * engagements count as positives, how many of the most engaged articles (the catalogue EASE inverts grows with the
 * square of it), how many readers drawn at random (user-kNN keeps a row of similarities per reader, the square of
 * it), and whether the two-stage pipeline runs beside the baselines.
 */
public record EvaluationSettings(String protocol, int seeds, int days, double minStrength, int maxItems, int maxReaders,
        boolean pipeline) {

    public static final int MAX_SEEDS = 5;
    public static final int MAX_DAYS = 365;
    public static final int MAX_ITEMS = 5_000;
    public static final int MAX_READERS = 5_000;

    public EvaluationSettings {
        if (!protocol.equals("random") && !protocol.equals("temporal")) {
            throw new IllegalArgumentException("protocol must be random or temporal");
        }
        if (seeds < 1 || seeds > MAX_SEEDS || days < 1 || days > MAX_DAYS || minStrength <= 0 || maxItems < 10
                || maxItems > MAX_ITEMS || maxReaders < 10 || maxReaders > MAX_READERS) {
            throw new IllegalArgumentException("seeds 1-" + MAX_SEEDS + ", days 1-" + MAX_DAYS + ", minStrength > 0, "
                    + "maxItems 10-" + MAX_ITEMS + " and maxReaders 10-" + MAX_READERS + " are required");
        }
    }

    Split split(Dataset data, long seed) {
        return protocol.equals("random") ? Protocols.randomSplit(data, seed) : Protocols.leaveLastOut(data, seed);
    }
}
