/**
 * The neural ranker: a small MLP over the features of a (reader, article) pair, trained in Java with DJL's
 * PyTorch engine (Xavier initialisation, Adam, sigmoid cross-entropy on clicks versus unclicked impressions),
 * validated by ROC AUC with early stopping.
 */
package io.newsdesk.recommend.ranker;
