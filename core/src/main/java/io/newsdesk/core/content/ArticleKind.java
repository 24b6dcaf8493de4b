package io.newsdesk.core.content;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an item is; the recommender treats every kind alike, the portal renders them differently. */
public enum ArticleKind {
    @JsonProperty("article") ARTICLE("article"),
    @JsonProperty("video") VIDEO("video"),
    @JsonProperty("podcast") PODCAST("podcast"),
    @JsonProperty("music_track") MUSIC_TRACK("music_track");

    private final String code;

    ArticleKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ArticleKind fromCode(String code) {
        for (ArticleKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown article kind: " + code);
    }

    @Override
    public String toString() {
        return code;
    }
}
