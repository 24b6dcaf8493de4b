/**
 * Causal language models on DJL NDArray operations (the PyTorch engine, so the same code runs on CPU or GPU):
 * Hugging Face folders as published, the Llama architecture (Llama, Mistral, SmolLM, TinyLlama) and Qwen2.
 * {@link io.newsdesk.core.ml.llm.TextGenerator} decodes; {@link io.newsdesk.core.ml.llm.JsonConstraint} keeps a
 * generation to one JSON object, or one of a schema's {@link io.newsdesk.core.ml.llm.JsonShape}, by masking the
 * tokens ({@link io.newsdesk.core.ml.llm.TokenBytes}) that cannot continue it; strings keep to patterns and formats
 * through Lucene automata ({@link io.newsdesk.core.ml.llm.StringPatterns}), numbers to their bounds
 * ({@link io.newsdesk.core.ml.llm.NumberBounds}). {@link io.newsdesk.core.ml.llm.ChatTemplate} renders a model's
 * chat template, tools and tool calls included, and reads from it how the model writes a call
 * ({@link io.newsdesk.core.ml.llm.ToolCallFormat}).
 */
package io.newsdesk.core.ml.llm;
