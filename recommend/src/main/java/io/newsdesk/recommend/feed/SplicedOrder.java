package io.newsdesk.recommend.feed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A kept feed's order with articles that arrived after it was computed placed into its first page: the kept order
 * keeps first place, and the arrivals take every other slot after it (second, fourth, ...), newest first, so a
 * reader sees what is new without losing what the ranker put on top.
 */
final class SplicedOrder implements FeedOrder {

    private final List<FeedCandidate> arrivals;
    private final FeedOrder kept;

    SplicedOrder(List<FeedCandidate> arrivals, FeedOrder kept) {
        this.arrivals = List.copyOf(arrivals);
        this.kept = kept;
    }

    @Override
    public List<FeedCandidate> upTo(int count) {
        Set<String> arrived = new HashSet<>();
        arrivals.forEach(a -> arrived.add(a.article().id()));
        // the kept order may offer an arrival too; it is shown once, in its arrival slot
        List<FeedCandidate> base = new ArrayList<>();
        for (FeedCandidate c : kept.upTo(count + arrivals.size())) {
            if (!arrived.contains(c.article().id())) {
                base.add(c);
            }
        }
        List<FeedCandidate> merged = new ArrayList<>(count);
        int a = 0;
        int b = 0;
        while (merged.size() < count && (a < arrivals.size() || b < base.size())) {
            boolean arrivalSlot = merged.size() % 2 == 1 && a < arrivals.size();
            if (arrivalSlot || b >= base.size()) {
                merged.add(arrivals.get(a++));
            } else {
                merged.add(base.get(b++));
            }
        }
        return merged;
    }

    /** The same kept order with newer arrivals first, at most {@code limit} arrivals in all. */
    SplicedOrder withNewer(List<FeedCandidate> newer, int limit) {
        List<FeedCandidate> all = new ArrayList<>(newer);
        all.addAll(arrivals);
        return new SplicedOrder(all.subList(0, Math.min(limit, all.size())), kept);
    }

    @Override
    public FeedOrder without(Set<String> articleIds) {
        return new SplicedOrder(arrivals.stream().filter(a -> !articleIds.contains(a.article().id())).toList(),
                kept.without(articleIds));
    }

    @Override
    public boolean offers(String articleId) {
        return arrivals.stream().anyMatch(a -> a.article().id().equals(articleId)) || kept.offers(articleId);
    }
}
