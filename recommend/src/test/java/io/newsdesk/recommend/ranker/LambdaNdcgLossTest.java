package io.newsdesk.recommend.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.newsdesk.core.ml.DjlOffline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LambdaNdcgLossTest {

    @BeforeAll
    static void offline() {
        DjlOffline.enforce();
    }

    @Test
    void weighsEachMisorderedPairByTheNdcgItsSwapWouldChange() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            // scores put c0 first, the engaged c1 second, c2 third; the pairs are (c1 over c0) and (c1 over c2)
            NDArray scores = manager.create(new float[] {2, 1, 0}, new Shape(1, 3));
            NDArray targets = manager.create(new float[] {0, 1, 0}, new Shape(1, 3));
            double overC0 = (1 - 1 / log2(3)) * softplus(2 - 1);
            double overC2 = (1 / log2(3) - 1 / log2(4)) * softplus(0 - 1);
            float loss = new LambdaNdcgLoss().evaluate(new NDList(targets), new NDList(scores)).getFloat();
            assertThat((double) loss).isCloseTo(overC0 + overC2, within(1e-5));
        }
    }

    @Test
    void paddedSlotsAddNeitherLossNorGradient() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            float plain = lossOf(manager, new float[] {0.5f, 1.5f, -0.2f}, new float[] {1, 0, 0}, 1, 3);
            float padded = lossOf(manager, new float[] {0.5f, 1.5f, -0.2f, PaddedLists.MASKED}, new float[] {1, 0, 0, 0}, 1, 4);
            assertThat(padded).isCloseTo(plain, within(1e-5f));
        }
    }

    @Test
    void itsGradientRaisesTheEngagedCandidateAndLowersThoseAboveIt() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray scores = manager.create(new float[] {2, 1, 0}, new Shape(1, 3));
            scores.setRequiresGradient(true);
            NDArray targets = manager.create(new float[] {0, 1, 0}, new Shape(1, 3));
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                collector.backward(new LambdaNdcgLoss().evaluate(new NDList(targets), new NDList(scores)));
            }
            float[] gradient = scores.getGradient().toFloatArray();
            assertThat(gradient[1]).as("engaged").isNegative();
            assertThat(gradient[0]).as("ranked above it").isPositive();
            assertThat(gradient[0]).as("the pair at the top weighs more").isGreaterThan(gradient[2]);
        }
    }

    private static float lossOf(NDManager manager, float[] scores, float[] targets, int lists, int length) {
        return new LambdaNdcgLoss().evaluate(new NDList(manager.create(targets, new Shape(lists, length))),
                new NDList(manager.create(scores, new Shape(lists, length)))).getFloat();
    }

    private static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
