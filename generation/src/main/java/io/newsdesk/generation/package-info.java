/**
 * Editor writing tools (summaries, headlines, keywords, tags, SEO text, related context) and the OpenAI-compatible
 * chat and completion endpoints. Depends on {@code io.newsdesk.core} only.
 */
package io.newsdesk.generation;
