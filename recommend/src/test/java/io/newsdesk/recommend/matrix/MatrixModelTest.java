package io.newsdesk.recommend.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The quantised shortlist never changes the answer: the top articles are those exact float scores give. */
class MatrixModelTest {

    @Test
    void topMatchesAnExactScanAndSkipsExcludedArticles() {
        Random random = new Random(11);
        int articles = 5000;
        int factors = 64;
        float[][] a = new float[articles][factors];
        float[][] r = new float[20][factors];
        for (float[][] m : List.of(a, r)) {
            for (float[] row : m) {
                for (int d = 0; d < factors; d++) {
                    row[d] = (float) random.nextGaussian() * 0.3f;
                }
            }
        }
        List<String> articleIds = IntStream.range(0, articles).mapToObj(i -> "a" + i).toList();
        List<String> readerIds = IntStream.range(0, r.length).mapToObj(i -> "r" + i).toList();
        MatrixModel model = new MatrixModel(1, Instant.now(), "test", readerIds, articleIds, r, a);
        for (int reader = 0; reader < r.length; reader++) {
            float[] x = r[reader];
            List<Integer> exact = new ArrayList<>(IntStream.range(0, articles).boxed().toList());
            exact.removeIf(i -> i % 7 == 0);
            exact.sort(Comparator.comparingDouble(i -> -dot(x, a[i])));
            List<String> expected = exact.subList(0, 20).stream().map(i -> "a" + i).toList();
            List<MatrixModel.Scored> top = model.top("r" + reader, 20, id -> Integer.parseInt(id.substring(1)) % 7 == 0);
            assertThat(top.stream().map(MatrixModel.Scored::articleId).toList()).isEqualTo(expected);
            assertThat(top.get(0).score()).isEqualTo((float) dot(x, a[exact.get(0)]), org.assertj.core.data.Offset.offset(1e-4f));
        }
        assertThat(model.top("unknown", 20, id -> false)).isEmpty();
    }

    static double dot(float[] x, float[] y) {
        double s = 0;
        for (int d = 0; d < x.length; d++) {
            s += x[d] * y[d];
        }
        return s;
    }
}
