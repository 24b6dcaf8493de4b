package io.newsdesk.generation.llm;

import io.newsdesk.core.ml.llm.ToolCallFormat;

/**
 * A streamed answer's content as it may be sent while tools are offered freely. Where calls open with a tag
 * ({@code <tool_call>}, {@code [TOOL_CALLS]}) everything before the tag (or what may be its start) goes out at
 * once and the rest waits for the answer's end, to be read for calls; a bare-JSON answer waits whole when it opens
 * like a call, and goes out at once when it does not.
 */
public final class ToolCallHoldback {

    private final ToolCallFormat format;
    private final StringBuilder text = new StringBuilder();
    private int sent;
    private boolean holding;
    private boolean free;

    public ToolCallHoldback(ToolCallFormat format) {
        this.format = format;
    }

    /** Takes a piece of the answer and returns what may be sent now (possibly nothing). */
    public String pass(String piece) {
        text.append(piece);
        if (holding) {
            return "";
        }
        int until;
        if (format == ToolCallFormat.BARE_JSON) {
            if (!free) {
                String start = text.toString().stripLeading();
                if (start.isEmpty() || ToolCallFormat.PYTHON_TAG.startsWith(start)) {
                    return "";
                }
                holding = start.startsWith("{") || start.startsWith(ToolCallFormat.PYTHON_TAG);
                free = !holding;
            }
            until = holding ? sent : text.length();
        } else {
            int open = text.indexOf(format.open(), sent);
            holding = open >= 0;
            until = open >= 0 ? open : text.length() - partialOpening();
        }
        String out = text.substring(sent, Math.max(sent, until));
        sent = Math.max(sent, until);
        return out;
    }

    /** How many of the last characters could be the start of an opening tag. */
    private int partialOpening() {
        String tag = format.open();
        for (int length = Math.min(tag.length() - 1, text.length() - sent); length > 0; length--) {
            if (tag.startsWith(text.substring(text.length() - length))) {
                return length;
            }
        }
        return 0;
    }

    /** What was held back, to be sent when the answer turns out to make no call. */
    public String rest() {
        String out = text.substring(sent);
        sent = text.length();
        return out;
    }
}
