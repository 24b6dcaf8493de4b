package io.newsdesk.recommend.feed;

import io.newsdesk.core.content.ArticleChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The articles new to the newsroom in this process's recent past, in the order they arrived, so that kept feeds can
 * take in what arrived after they were computed ({@link ArrivalSplice}). Only creations count: an edit of an older
 * article is not news. At most {@value #KEPT} arrivals are remembered.
 */
@ApplicationScoped
public class Arrivals {

    static final int KEPT = 1_000;

    /** An article and when its creation committed. */
    record Arrival(String articleId, Instant at) {
    }

    private final Deque<Arrival> recent = new ArrayDeque<>();
    private final Clock clock;

    public Arrivals() {
        this(Clock.systemUTC());
    }

    Arrivals(Clock clock) {
        this.clock = clock;
    }

    void onArticleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        if (change.created()) {
            arrived(change.articleId());
        } else if (change.deleted()) {
            gone(change.articleId());
        }
    }

    synchronized void arrived(String articleId) {
        recent.addLast(new Arrival(articleId, clock.instant()));
        if (recent.size() > KEPT) {
            recent.removeFirst();
        }
    }

    synchronized void gone(String articleId) {
        recent.removeIf(a -> a.articleId().equals(articleId));
    }

    /** The articles that arrived after {@code moment}, newest first. */
    synchronized List<Arrival> after(Instant moment) {
        List<Arrival> found = new ArrayList<>();
        for (Iterator<Arrival> it = recent.descendingIterator(); it.hasNext(); ) {
            Arrival a = it.next();
            if (!a.at().isAfter(moment)) {
                break;
            }
            found.add(a);
        }
        return found;
    }
}
