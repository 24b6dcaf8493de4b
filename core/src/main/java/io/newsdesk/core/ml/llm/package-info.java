/**
 * Causal language models on DJL NDArray operations (the PyTorch engine, so the same code runs on CPU or GPU):
 * Hugging Face folders as published, the Llama architecture (Llama, Mistral, SmolLM, TinyLlama) and Qwen2.
 * {@link io.newsdesk.core.ml.llm.TextGenerator} decodes; {@link io.newsdesk.core.ml.llm.JsonConstraint} keeps a
 * generation to one JSON object, or one of a schema's {@link io.newsdesk.core.ml.llm.JsonShape}, by masking the
 * tokens ({@link io.newsdesk.core.ml.llm.TokenBytes}) that cannot continue it.
 */
package io.newsdesk.core.ml.llm;
