/**
 * Causal language models on DJL NDArray operations (the PyTorch engine, so the same code runs on CPU or GPU):
 * Hugging Face folders as published, the Llama architecture (Llama, Mistral, SmolLM, TinyLlama) and Qwen2.
 * {@link io.newsdesk.core.ml.llm.TextGenerator} decodes, the answer's text growing from its last tokens
 * ({@link io.newsdesk.core.ml.llm.AnswerText}) and a prompt starting from the longest start it shares with a recent
 * one ({@link io.newsdesk.core.ml.llm.PromptCache}), and, given a predicted output, guessed tokens run ahead in one
 * pass ({@link io.newsdesk.core.ml.llm.CausalLm#forwardAhead}) where the answer follows the prediction
 * ({@link io.newsdesk.core.ml.llm.PredictedDraft}); {@link io.newsdesk.core.ml.llm.JsonConstraint} keeps a
 * generation to one JSON object, or one of a schema's {@link io.newsdesk.core.ml.llm.JsonShape}, by masking the
 * tokens ({@link io.newsdesk.core.ml.llm.TokenBytes}) that cannot continue it, following each branch of a union the
 * text has not yet ruled out ({@link io.newsdesk.core.ml.llm.JsonReadings}); strings keep to patterns and formats
 * through Lucene automata ({@link io.newsdesk.core.ml.llm.StringPatterns}), numbers to their bounds and steps
 * ({@link io.newsdesk.core.ml.llm.NumberBounds}). {@link io.newsdesk.core.ml.llm.ChatTemplate} renders a model's
 * chat template, tools and tool calls included, and reads from it how the model writes a call
 * ({@link io.newsdesk.core.ml.llm.ToolCallFormat}).
 */
package io.newsdesk.core.ml.llm;
