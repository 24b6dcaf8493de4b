/**
 * Editor writing tools (summaries, headlines, keywords, tags, SEO text, related context) and the OpenAI-compatible
 * chat and completion endpoints. Depends on {@code io.newsdesk.core} only. Built under issue 12; empty until then.
 */
package io.newsdesk.generation;
