package io.newsdesk.core.ml.llm;

import java.util.Optional;

/**
 * How a model family writes a tool call, as its chat template teaches it: Qwen2.5 and Hermes put a JSON object of
 * {@code name} and {@code arguments} between {@code <tool_call>} tags; Llama 3.1-3.3 answer with the bare object of
 * {@code name} and {@code parameters} (after a {@code <|python_tag|>} at times); Mistral writes {@code [TOOL_CALLS]}
 * and a JSON array of such objects, and its templates want call ids of nine letters and digits.
 */
public enum ToolCallFormat {

    TAGGED("<tool_call>", "</tool_call>", "arguments"),
    BARE_JSON("", "", "parameters"),
    MISTRAL("[TOOL_CALLS]", "", "arguments");

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
        if (template.contains(MISTRAL.open)) {
            return Optional.of(MISTRAL);
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

    /** Whether calls come as one JSON array after the opening, rather than an object each. */
    public boolean listsCalls() {
        return this == MISTRAL;
    }

    /** A new call id of the kind the format's templates take. */
    public String newCallId() {
        String random = java.util.UUID.randomUUID().toString().replace("-", "");
        return this == MISTRAL ? random.substring(0, 9) : "call_" + random;
    }
}
