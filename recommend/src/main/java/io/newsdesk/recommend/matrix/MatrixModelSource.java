package io.newsdesk.recommend.matrix;

import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.content.ArticleSummary;
import io.newsdesk.recommend.engine.Candidate;
import io.newsdesk.recommend.engine.CandidateSource;
import io.newsdesk.recommend.engine.ReaderContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code matrix-model}: the articles the newest implicit-ALS model predicts the reader prefers. Readers who joined
 * after the model was trained get nothing from it until the next training.
 */
@ApplicationScoped
public class MatrixModelSource implements CandidateSource {

    static final int RECHECK_SECONDS = 60;

    private final MatrixModelStore store;
    private final ArticleService articles;
    private volatile MatrixModel model;
    private volatile Instant checkedAt = Instant.EPOCH;

    public MatrixModelSource(MatrixModelStore store, ArticleService articles) {
        this.store = store;
        this.articles = articles;
    }

    @Override
    public String name() {
        return "matrix-model";
    }

    /** Loads the newest version if it is not the one served. */
    public synchronized void refresh() {
        checkedAt = Instant.now();
        Optional<MatrixModelInfo> latest = store.latestInfo();
        if (latest.isPresent() && (model == null || model.version() != latest.get().version())) {
            model = store.latest().orElse(null);
        }
    }

    @Override
    public List<Candidate> candidates(ReaderContext reader, String section, int limit) {
        if (Duration.between(checkedAt, Instant.now()).toSeconds() >= RECHECK_SECONDS) {
            refresh();
        }
        MatrixModel current = model;
        if (current == null) {
            return List.of();
        }
        List<MatrixModel.Scored> ranked = current.top(reader.readerId(), section == null ? limit : 4 * limit,
                id -> reader.seen().contains(id) || reader.hidden().contains(id));
        if (ranked.isEmpty()) {
            return List.of();
        }
        List<String> top = ranked.stream().map(MatrixModel.Scored::articleId).toList();
        Map<String, Float> scores = new java.util.HashMap<>();
        ranked.forEach(r -> scores.put(r.articleId(), r.score()));
        Map<String, ArticleSummary> summaries = articles.summaries(top);
        List<Candidate> candidates = new ArrayList<>();
        for (String id : top) {
            ArticleSummary s = summaries.get(id);
            if (s == null || (section != null && !section.equals(s.section()))) {
                continue;
            }
            candidates.add(new Candidate(id, name(), scores.get(id), "matches your reading pattern"));
            if (candidates.size() == limit) {
                break;
            }
        }
        return candidates;
    }
}
