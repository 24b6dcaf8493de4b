package io.newsdesk.recommend;

/**
 * How much each kind of engagement with an article says about a reader's interest, in one place for the code that
 * weighs events in Java (reader profiles) and in SQL (trending, the evaluation's interaction log): share 4, like 3,
 * read 2 plus a point a minute up to 3 more, click or view 1; impressions and everything else count nothing.
 */
public final class EngagementWeights {

    /** The weight of the event in {@code e} (a {@code core_reader_event} row) as a SQL expression. */
    public static final String SQL = """
            CASE e.type WHEN 'share' THEN 4 WHEN 'like' THEN 3
                        WHEN 'read' THEN 2 + least(coalesce(e.seconds, 0) / 60.0, 3)
                        WHEN 'click' THEN 1 WHEN 'view' THEN 1 ELSE 0 END""";

    private EngagementWeights() {
    }

    /** The weight of one event of {@code type}; {@code seconds} is how long a read lasted, if known. */
    public static double of(String type, Integer seconds) {
        return switch (type) {
            case "share" -> 4;
            case "like" -> 3;
            case "read" -> 2 + Math.min(seconds == null ? 0 : seconds / 60.0, 3);
            case "click", "view" -> 1;
            default -> 0;
        };
    }
}
