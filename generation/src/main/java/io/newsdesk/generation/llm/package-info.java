/**
 * Work on the registered language models: chat and text completion in the terms of OpenAI's API, with timeouts;
 * tool calling ({@link io.newsdesk.generation.llm.ToolUse}, and {@link io.newsdesk.generation.llm.ToolCallHoldback}
 * for streams); archive grounding of chats ({@link io.newsdesk.generation.llm.Grounding}); and the abstractive variants of the
 * editor tools ({@link io.newsdesk.generation.llm.LlmEditor}).
 */
package io.newsdesk.generation.llm;
