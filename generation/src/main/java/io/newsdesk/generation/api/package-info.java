/**
 * OpenAI-compatible endpoints ({@code /v1/models}, {@code /v1/completions}, {@code /v1/chat/completions}, with
 * {@link io.newsdesk.generation.api.MessageContent} reading content as a string or text parts), the editor tools at
 * {@code /api/editor} and the newsroom's taxonomy.
 */
package io.newsdesk.generation.api;
