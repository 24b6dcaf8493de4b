package io.newsdesk.recommend.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.core.jobs.JobContext;
import io.newsdesk.core.jobs.JobHandler;
import io.newsdesk.recommend.engine.ImplicitAlsRecommender;
import io.newsdesk.recommend.engine.Interactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The {@code matrix-model-training} job: implicit ALS on who engaged with which live article in the last
 * {@value #DAYS} days, stored as a new version that the {@code matrix-model} source serves.
 */
@ApplicationScoped
public class MatrixModelJob implements JobHandler {

    public static final String TYPE = "matrix-model-training";
    static final int DAYS = 90;
    static final int FACTORS = 32;
    static final double REGULARISATION = 5;
    static final double ALPHA = 10;
    static final int ITERATIONS = 10;

    private final DataSource dataSource;
    private final MatrixModelStore store;
    private final MatrixModelSource source;
    private final ObjectMapper json;

    public MatrixModelJob(DataSource dataSource, MatrixModelStore store, MatrixModelSource source, ObjectMapper json) {
        this.dataSource = dataSource;
        this.store = store;
        this.source = source;
        this.json = json;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext job) throws Exception {
        job.progress(0, 3, "reading engagement");
        Map<String, Integer> readers = new LinkedHashMap<>();
        Map<String, Integer> articles = new LinkedHashMap<>();
        List<int[]> pairs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT DISTINCT e.reader_id, e.article_id FROM core_reader_event e JOIN core_article a ON a.id = e.article_id
                WHERE e.type IN ('click', 'view', 'read', 'like', 'share') AND e.occurred_at > now() - ? * interval '1 day'""")) {
            s.setInt(1, DAYS);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int r = readers.computeIfAbsent(rs.getString(1), k -> readers.size());
                    int a = articles.computeIfAbsent(rs.getString(2), k -> articles.size());
                    pairs.add(new int[] {r, a});
                }
            }
        }
        if (readers.size() < 2 || articles.size() < 2) {
            throw new IllegalStateException("not enough engagement in the last " + DAYS + " days to train: "
                    + readers.size() + " readers, " + articles.size() + " articles");
        }
        Interactions.Builder builder = new Interactions.Builder(readers.size(), articles.size());
        pairs.forEach(p -> builder.add(p[0], p[1]));
        job.throwIfCancelled();
        job.progress(1, 3, "fitting implicit ALS");
        ImplicitAlsRecommender als = new ImplicitAlsRecommender(FACTORS, REGULARISATION, ALPHA, ITERATIONS, 0);
        als.fit(builder.build());
        job.progress(2, 3, "storing");
        int version = store.save(als.name(), List.copyOf(readers.keySet()), List.copyOf(articles.keySet()),
                als.userFactors(), als.itemFactors());
        source.refresh();
        job.result(json.createObjectNode().put("version", version).put("readers", readers.size())
                .put("articles", articles.size()).put("engagements", pairs.size()).put("model", als.name()).toString());
    }
}
