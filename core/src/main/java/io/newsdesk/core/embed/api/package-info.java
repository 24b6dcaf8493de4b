/** The OpenAI-compatible embeddings endpoint, {@code POST /v1/embeddings}. */
package io.newsdesk.core.embed.api;
