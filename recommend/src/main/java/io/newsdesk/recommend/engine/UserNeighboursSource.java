package io.newsdesk.recommend.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code user-neighbours}: readers whose engagements over the last 90 days overlap the reader's most (cosine of
 * their article sets, the {@value #NEIGHBOURS} nearest), and what they engaged with, each article scored by the
 * summed similarity of the neighbours who read it. Answered from the in-memory {@link EngagementGraph}.
 */
@ApplicationScoped
public class UserNeighboursSource implements CandidateSource {

    static final int NEIGHBOURS = 50;

    private final EngagementGraph graph;

    public UserNeighboursSource(EngagementGraph graph) {
        this.graph = graph;
    }

    @Override
    public String name() {
        return "user-neighbours";
    }

    @Override
    public List<Candidate> candidates(ReaderContext reader, String section, int limit) {
        if (reader.coldStart()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (EngagementGraph.Reached r : graph.throughNeighbours(reader.readerId(), NEIGHBOURS, section, limit)) {
            candidates.add(new Candidate(r.articleId(), name(), r.score(),
                    "read by " + r.readers() + (r.readers() == 1 ? " reader" : " readers") + " with tastes like yours"));
        }
        return candidates;
    }
}
