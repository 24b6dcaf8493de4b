package io.newsdesk.recommend.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A model reads the features it was trained on, by name, whatever the service computes today. */
class RankingFeaturesTest {

    @Test
    void projectionPicksNamedColumnsInTheModelsOrder() {
        float[] row = new float[RankingFeatures.COUNT];
        for (int i = 0; i < row.length; i++) {
            row[i] = i;
        }
        float[][] projected = RankingFeatures.project(new float[][] {row}, List.of("source_trending", "profile_similarity"));
        assertThat(projected[0]).containsExactly(RankingFeatures.NAMES.indexOf("source_trending"), 0f);
        assertThat(RankingFeatures.project(new float[][] {row}, RankingFeatures.BASE)[0]).hasSize(RankingFeatures.BASE.size());
        assertThatThrownBy(() -> RankingFeatures.project(new float[][] {row}, List.of("shoe_size")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shoe_size");
    }

    @Test
    void everySourceHasAFeatureAndRanksFallLikeTheFusion() {
        assertThat(RankingFeatures.NAMES).hasSize(RankingFeatures.BASE.size() + RankingFeatures.SOURCES.size())
                .contains("source_vector_profile", "source_editor_picks");
        assertThat(RankingFeatures.sourceRank(1, 20)).isEqualTo(1f);
        assertThat(RankingFeatures.sourceRank(21, 20)).isEqualTo(21f / 41f);
    }
}
