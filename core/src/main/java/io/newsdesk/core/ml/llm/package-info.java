/**
 * Causal language models on DJL NDArray operations (the PyTorch engine, so the same code runs on CPU or GPU):
 * Hugging Face folders as published, the Llama architecture (Llama, Mistral, SmolLM, TinyLlama) and Qwen2.
 */
package io.newsdesk.core.ml.llm;
