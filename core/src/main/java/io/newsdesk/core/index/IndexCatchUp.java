package io.newsdesk.core.index;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, at start, what to do with the index found on disk: catch it up with the articles changed or deleted
 * since its last commit, or rebuild it because it is missing, incomplete, or was built with another schema, model
 * or vector format.
 *
 * <p>Changes are taken by change sequence number and also by time, from a window before the commit: a transaction
 * that took a lower sequence number but committed after a higher one was indexed would otherwise be missed.
 */
public final class IndexCatchUp {

    static final Duration WINDOW = Duration.ofMinutes(10);

    /**
     * What to do.
     *
     * @param rebuild    true when the index must be rebuilt from scratch
     * @param articleIds the articles to re-index or delete when catching up
     * @param target     the change sequence number the index covers once they are applied
     * @param reason     why, for the log
     */
    public record Plan(boolean rebuild, Set<String> articleIds, long target, String reason) {
    }

    private IndexCatchUp() {
    }

    public static Plan plan(Optional<IndexCommitState> opened, String model, VectorFormat format, IndexSource source) {
        if (opened.isEmpty()) {
            return new Plan(true, Set.of(), 0, "there is no index, or it was not written by Newsdesk");
        }
        IndexCommitState at = opened.get();
        if (!at.compatibleWith(model, format)) {
            return new Plan(true, Set.of(), 0, at.complete()
                    ? "it was built with schema " + at.schema() + ", model " + at.embedder() + " and " + at.vectorFormat()
                            + " vectors"
                    : "a rebuild did not finish");
        }
        long target = source.maxChangeSeq();
        Instant since = at.committedAt().minus(WINDOW);
        Set<String> ids = new LinkedHashSet<>(source.changedSince(at.changeSeq(), since));
        ids.addAll(source.deletedSince(at.changeSeq(), since));
        return new Plan(false, ids, target, ids.size() + " change(s) since change " + at.changeSeq());
    }
}
