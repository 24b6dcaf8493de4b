/**
 * The model store: Hugging Face folders under {@code newsdesk.models.dir}, registered by name and task, loaded on
 * use, on request or at start ({@code newsdesk.models.preload}).
 */
package io.newsdesk.core.ml.store;
