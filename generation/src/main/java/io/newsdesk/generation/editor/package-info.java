/**
 * Editor tools that work without a language model, on the embedder and the article index: extractive summaries
 * and headlines, keyphrases, names ({@link io.newsdesk.generation.editor.NamedEntities}, judged by how the archive
 * writes each word: {@link io.newsdesk.generation.editor.WordCasing}), SEO text, sections and tags from the newsroom's taxonomy
 * ({@link io.newsdesk.generation.editor.SectionTagger}), and cited archive context
 * ({@link io.newsdesk.generation.editor.ArchiveContext}).
 */
package io.newsdesk.generation.editor;
