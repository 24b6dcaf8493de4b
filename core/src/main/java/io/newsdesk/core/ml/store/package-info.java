/** The model store: Hugging Face folders under {@code newsdesk.models.dir}, registered by name and task, loaded on use. */
package io.newsdesk.core.ml.store;
