package io.newsdesk.recommend.engine;

import io.newsdesk.recommend.Recommendation;
import io.newsdesk.recommend.TrendingService;
import io.newsdesk.recommend.TrendingWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** {@code trending}: what is popular today, site-wide and in each section the reader follows. */
@ApplicationScoped
public class TrendingSource implements CandidateSource {

    private static final TrendingWindow TODAY = TrendingWindow.parse("24h");

    private final TrendingService trending;

    public TrendingSource(TrendingService trending) {
        this.trending = trending;
    }

    @Override
    public String name() {
        return "trending";
    }

    @Override
    public List<Candidate> candidates(ReaderContext reader, String section, int limit) {
        List<Candidate> candidates = new ArrayList<>();
        add(candidates, trending.trending(section, TODAY, limit));
        if (section == null) {
            for (String followed : reader.followedSections()) {
                add(candidates, trending.trending(followed, TODAY, Math.max(5, limit / 4)));
            }
        }
        candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
        return candidates;
    }

    private void add(List<Candidate> to, List<Recommendation> items) {
        for (Recommendation r : items) {
            to.add(new Candidate(r.id(), name(), r.score(), r.reason()));
        }
    }
}
