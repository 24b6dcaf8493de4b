package io.newsdesk.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.core.testing.TestDatabase;
import io.newsdesk.core.testing.TestModels;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start finds the index behind PostgreSQL and brings it level, or decides to rebuild it. */
class IndexCatchUpTest {

    static final String MODEL = "bge-small-en-v1.5";

    @TempDir
    Path dir;
    TestDatabase db;
    IndexSource source;

    @BeforeEach
    void database() {
        db = TestDatabase.create("catchup");
        source = new IndexSource(db.dataSource());
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void anUpToDateIndexNeedsNothing() throws Exception {
        insert("a1", "Tram depot expansion approved", "1 day");
        insert("a2", "Orchestra announces winter season", "1 day");
        buildAndCommit();
        try (ArticleIndex index = ArticleIndex.open(dir, VectorFormat.FLOAT32)) {
            IndexCatchUp.Plan plan = IndexCatchUp.plan(index.openedState(), MODEL, VectorFormat.FLOAT32, source);
            assertThat(plan.rebuild()).isFalse();
            assertThat(plan.articleIds()).isEmpty();
        }
    }

    @Test
    void changesAndDeletionsMissedWhileDownAreCaughtUp() throws Exception {
        insert("a1", "Tram depot expansion approved", "1 day");
        insert("a2", "Orchestra announces winter season", "1 day");
        insert("a3", "Bakery wins regional prize", "1 day");
        buildAndCommit();

        // while the service is down: one article edited, one deleted, one added
        sql("UPDATE core_article SET title = 'Orchestra cancels winter season', change_seq = nextval('core_content_change_seq'), "
                + "modified_at = now() WHERE id = 'a2'");
        sql("DELETE FROM core_article WHERE id = 'a3'");
        sql("INSERT INTO core_article_tombstone (article_id, change_seq, deleted_at) VALUES ('a3', nextval('core_content_change_seq'), now())");
        insert("a4", "Lifeboat crew rescues kayakers", "0 seconds");

        try (ArticleIndex index = ArticleIndex.open(dir, VectorFormat.FLOAT32)) {
            IndexCatchUp.Plan plan = IndexCatchUp.plan(index.openedState(), MODEL, VectorFormat.FLOAT32, source);
            assertThat(plan.rebuild()).isFalse();
            assertThat(plan.articleIds()).containsExactlyInAnyOrder("a2", "a3", "a4");
            assertThat(plan.target()).isEqualTo(source.maxChangeSeq());

            new ArticleIndexer(index, source, TestModels.documentEmbedder()).apply(plan.articleIds());
            index.refresh();
            assertThat(index.ids()).containsExactlyInAnyOrder("a1", "a2", "a4");
            SearchResult cancelled = new HybridSearcher(index, SearchTuning.defaults())
                    .search(new SearchQuery("orchestra cancels", SearchFilters.none(), SearchMode.BM25, 0, 5), null);
            assertThat(cancelled.hits().get(0).title()).isEqualTo("Orchestra cancels winter season");
        }
    }

    @Test
    void aMissingIncompleteOrForeignIndexIsRebuilt() {
        assertThat(IndexCatchUp.plan(Optional.empty(), MODEL, VectorFormat.FLOAT32, source).rebuild()).isTrue();
        try (ArticleIndex index = ArticleIndex.open(dir, VectorFormat.FLOAT32)) {
            index.commit(MODEL, 5, false);
        }
        try (ArticleIndex index = ArticleIndex.open(dir, VectorFormat.FLOAT32)) {
            assertThat(IndexCatchUp.plan(index.openedState(), MODEL, VectorFormat.FLOAT32, source).reason())
                    .contains("did not finish");
            index.commit(MODEL, 5, true);
        }
        try (ArticleIndex index = ArticleIndex.open(dir, VectorFormat.FLOAT32)) {
            assertThat(IndexCatchUp.plan(index.openedState(), "another-model", VectorFormat.FLOAT32, source).rebuild()).isTrue();
            assertThat(IndexCatchUp.plan(index.openedState(), MODEL, VectorFormat.INT8, source).rebuild()).isTrue();
            assertThat(IndexCatchUp.plan(index.openedState(), MODEL, VectorFormat.FLOAT32, source).rebuild()).isFalse();
        }
    }

    @Test
    void vectorsAreCachedSoARebuildEmbedsOnlyWhatChanged() throws Exception {
        insert("a1", "Tram depot expansion approved", "1 day");
        buildAndCommit();
        assertThat(source.load(List.of("a1"), MODEL).get(0).vectorCached()).isTrue();
        sql("UPDATE core_article SET title = 'Tram depot expansion refused' WHERE id = 'a1'");
        assertThat(source.load(List.of("a1"), MODEL).get(0).vectorCached()).isFalse();
        assertThat(source.load(List.of("a1"), "another-model").get(0).vectorCached()).isFalse();
    }

    private void buildAndCommit() {
        try (ArticleIndex index = ArticleIndex.open(dir, VectorFormat.FLOAT32)) {
            ArticleIndexer indexer = new ArticleIndexer(index, source, TestModels.documentEmbedder());
            String after = null;
            for (var page = indexer.indexPage(after, 10); !page.isEmpty(); page = indexer.indexPage(after, 10)) {
                after = page.get(page.size() - 1).article().id();
            }
            index.commit(MODEL, source.maxChangeSeq(), true);
        }
    }

    private void insert(String id, String title, String age) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO core_article (id, title, body_format, section, language, kind, version, change_seq,
                    created_at, modified_at, published_at)
                VALUES (?, ?, 'text', 'news', 'en', 'article', 0, nextval('core_content_change_seq'),
                    now() - ?::interval, now() - ?::interval, now() - ?::interval)""")) {
            s.setString(1, id);
            s.setString(2, title);
            s.setString(3, age);
            s.setString(4, age);
            s.setString(5, age);
            s.executeUpdate();
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
