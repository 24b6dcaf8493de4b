package io.newsdesk.recommend.ranker;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * LambdaRank's loss for NDCG (Burges, "From RankNet to LambdaRank to LambdaMART", 2010): a logistic loss on every
 * pair of an engaged and a non-engaged candidate in a list, weighted by how much NDCG would change if the current
 * scores swapped the two, so pairs near the top of the list count most. Predictions are (lists, length) logits with
 * padding already masked by a large negative offset, which leaves a padded slot's pairs without loss or gradient;
 * labels are the target distributions of {@link PaddedLists}, positive where a candidate was engaged.
 */
final class LambdaNdcgLoss extends Loss {

    LambdaNdcgLoss() {
        super("LambdaNdcgLoss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray scores = predictions.singletonOrThrow();
        NDArray engaged = labels.singletonOrThrow().gt(0).toType(DataType.FLOAT32, false);
        NDArray pairs = engaged.expandDims(2).mul(engaged.neg().add(1).expandDims(1));
        NDArray swapCost = swapCost(scores.stopGradient(), engaged);
        NDArray margin = scores.expandDims(1).sub(scores.expandDims(2));
        return softplus(margin).mul(pairs).mul(swapCost).sum().div(scores.getShape().get(0));
    }

    /** |ΔNDCG| of swapping candidates i and j in each list, from their ranks under the current scores. */
    private static NDArray swapCost(NDArray scores, NDArray engaged) {
        NDArray ranks = scores.expandDims(1).gt(scores.expandDims(2)).toType(DataType.FLOAT32, false).sum(new int[] {2});
        NDArray discount = ranks.add(2).log2().pow(-1);
        long length = scores.getShape().get(1);
        NDArray positions = scores.getManager().arange(0f, (float) length).expandDims(0);
        NDArray idealDiscount = positions.add(2).log2().pow(-1);
        NDArray ideal = positions.lt(engaged.sum(new int[] {1}, true)).toType(DataType.FLOAT32, false)
                .mul(idealDiscount).sum(new int[] {1}, true).maximum(1e-6f);
        NDArray gain = engaged.div(ideal);
        NDArray gainGap = gain.expandDims(2).sub(gain.expandDims(1)).abs();
        NDArray discountGap = discount.expandDims(2).sub(discount.expandDims(1)).abs();
        return gainGap.mul(discountGap);
    }

    /** log(1 + e^x), written so that a large x neither overflows nor loses its gradient. */
    private static NDArray softplus(NDArray x) {
        return x.maximum(0f).add(x.abs().neg().exp().add(1).log());
    }
}
