package io.newsdesk.recommend.ranker;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * ListNet's top-one loss (Cao et al., ICML 2007): the cross-entropy between the target distribution over a list's
 * candidates and the softmax of their scores, averaged over the lists of a batch. Predictions are (lists, length)
 * logits with padding already masked; labels are the matching target distributions.
 */
final class ListNetLoss extends Loss {

    ListNetLoss() {
        super("ListNetLoss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray target = labels.singletonOrThrow();
        return logits.logSoftmax(1).mul(target).sum().neg().div(logits.getShape().get(0));
    }
}
