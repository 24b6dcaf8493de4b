/** OpenAI-compatible endpoints: {@code /v1/models}, {@code /v1/completions}, {@code /v1/chat/completions}. */
package io.newsdesk.generation.api;
