/** Editor tools that work without a language model: extractive summaries and SEO text, on the embedder. */
package io.newsdesk.generation.editor;
