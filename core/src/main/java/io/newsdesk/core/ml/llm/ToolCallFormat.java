package io.newsdesk.core.ml.llm;

import java.util.Optional;

/**
 * How a model family writes a tool call, as its chat template teaches it: Qwen2.5 and Hermes put a JSON object of
 * {@code name} and {@code arguments} between {@code <tool_call>} tags; Llama 3.1-3.3 answer with the bare object of
 * {@code name} and {@code parameters} (after a {@code <|python_tag|>} at times).
 */
public enum ToolCallFormat {

    TAGGED("<tool_call>", "</tool_call>", "arguments"),
    BARE_JSON("", "", "parameters");

    /** What Llama puts before a call when it means to call; dropped when a call is read. */
    public static final String PYTHON_TAG = "<|python_tag|>";

    private final String open;
    private final String close;
    private final String argumentsKey;

    ToolCallFormat(String open, String close, String argumentsKey) {
        this.open = open;
        this.close = close;
        this.argumentsKey = argumentsKey;
    }

    /** The convention a chat template teaches, if it lays out tools in one read here. */
    static Optional<ToolCallFormat> taughtBy(String template) {
        if (!template.contains("tools")) {
            return Optional.empty();
        }
        if (template.contains(TAGGED.open)) {
            return Optional.of(TAGGED);
        }
        // Llama 3's templates answer tools in the ipython role, and ask for {"name": ..., "parameters": ...}
        return template.contains("ipython") && template.contains("parameters") ? Optional.of(BARE_JSON) : Optional.empty();
    }

    /** What opens a call ("" for a bare object). */
    public String open() {
        return open;
    }

    /** What closes a call ("" for a bare object). */
    public String close() {
        return close;
    }

    /** The key of a call's arguments: {@code arguments} or {@code parameters}. */
    public String argumentsKey() {
        return argumentsKey;
    }
}
