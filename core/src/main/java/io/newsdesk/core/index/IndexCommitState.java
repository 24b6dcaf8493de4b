package io.newsdesk.core.index;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a commit of the index covers, kept in the commit's user data.
 *
 * @param schema       {@link IndexFields#SCHEMA_VERSION} it was built with
 * @param embedder     the embedding model its vectors come from
 * @param vectorFormat how the vectors are stored
 * @param changeSeq    every article change up to this content change sequence number is in it
 * @param committedAt  when it was committed
 * @param complete     false while a rebuild is under way: the index then holds only part of the articles
 */
public record IndexCommitState(String schema, String embedder, VectorFormat vectorFormat, long changeSeq, Instant committedAt,
        boolean complete) {

    Map<String, String> toUserData() {
        Map<String, String> data = new HashMap<>();
        data.put("newsdesk.schema", schema);
        data.put("newsdesk.embedder", embedder);
        data.put("newsdesk.vectorFormat", vectorFormat.code());
        data.put("newsdesk.changeSeq", Long.toString(changeSeq));
        data.put("newsdesk.committedAt", committedAt.toString());
        data.put("newsdesk.complete", Boolean.toString(complete));
        return data;
    }

    /** Reads the state back; null when the commit was not written by this code. */
    static IndexCommitState fromUserData(Map<String, String> data) {
        try {
            return new IndexCommitState(data.get("newsdesk.schema"), data.get("newsdesk.embedder"),
                    VectorFormat.fromCode(data.get("newsdesk.vectorFormat")),
                    Long.parseLong(data.get("newsdesk.changeSeq")), Instant.parse(data.get("newsdesk.committedAt")),
                    Boolean.parseBoolean(data.get("newsdesk.complete")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether an index in this state can be caught up rather than rebuilt for the given schema and model. */
    public boolean compatibleWith(String embedderModel, VectorFormat format) {
        return complete && IndexFields.SCHEMA_VERSION.equals(schema) && embedderModel.equals(embedder)
                && vectorFormat == format;
    }
}
