package io.newsdesk.core.content;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a reader did. Every type but {@code subscribe} is about one article. */
public enum EventType {
    /** The article was shown to the reader in a list (feed, related, search), not necessarily opened. */
    @JsonProperty("impression") IMPRESSION("impression"),
    /** The article page was opened. */
    @JsonProperty("view") VIEW("view"),
    /** The reader clicked the article in a list. */
    @JsonProperty("click") CLICK("click"),
    /** The reader spent {@code seconds} reading it. */
    @JsonProperty("read") READ("read"),
    @JsonProperty("like") LIKE("like"),
    @JsonProperty("share") SHARE("share"),
    /** The reader asked not to see this article (or ones like it) again. */
    @JsonProperty("hide") HIDE("hide"),
    /** The reader skipped past it (audio, video, music) or bounced within seconds. */
    @JsonProperty("skip") SKIP("skip"),
    /** The reader followed a {@code target}: {@code section:<slug>}, {@code author:<name>} or {@code tag:<tag>}. */
    @JsonProperty("subscribe") SUBSCRIBE("subscribe");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static EventType fromCode(String code) {
        for (EventType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type: " + code);
    }

    @Override
    public String toString() {
        return code;
    }
}
