/**
 * The model store: Hugging Face folders under {@code newsdesk.models.dir}, registered by name and task, loaded on
 * use, on request or at start ({@code newsdesk.models.preload}); each loaded model keeps its recent prompts' keys
 * and values ({@code newsdesk.models.prompt-cache-bytes}).
 */
package io.newsdesk.core.ml.store;
