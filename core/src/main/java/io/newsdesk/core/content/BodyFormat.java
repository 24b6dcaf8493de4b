package io.newsdesk.core.content;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an article body was sent: simple HTML or plain text with blank lines between paragraphs. */
public enum BodyFormat {
    @JsonProperty("html") HTML("html"),
    @JsonProperty("text") TEXT("text");

    private final String code;

    BodyFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static BodyFormat fromCode(String code) {
        return "html".equals(code) ? HTML : TEXT;
    }

    @Override
    public String toString() {
        return code;
    }
}
