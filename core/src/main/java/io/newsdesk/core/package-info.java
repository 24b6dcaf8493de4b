/**
 * The shared kernel every capability module builds on: content and reader events ({@code content}), the Lucene
 * article index ({@code index}), text embeddings ({@code embed}), the DJL model runtime ({@code ml}), durable
 * background jobs ({@code jobs}), database bootstrap ({@code db}), HTTP limits ({@code http}) and RFC 9457
 * problem responses ({@code problem}).
 *
 * <p>Nothing in core may import a capability module ({@code io.newsdesk.recommend}, {@code generation}, ...);
 * the ArchUnit test in {@code app} fails the build when it does.
 */
package io.newsdesk.core;
