/**
 * The model runtime on DJL: offline mode, engine options and the files models are loaded from.
 *
 * <p>Nothing here downloads anything: models come from Maven artifacts on the classpath or from the model store
 * folder ({@code newsdesk.models.dir}).
 */
package io.newsdesk.core.ml;
