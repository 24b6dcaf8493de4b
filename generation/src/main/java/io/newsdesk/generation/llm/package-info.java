/** Chat and text completion on the registered language models, in the terms of OpenAI's API. */
package io.newsdesk.generation.llm;
