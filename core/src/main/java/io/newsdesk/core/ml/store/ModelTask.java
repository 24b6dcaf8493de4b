package io.newsdesk.core.ml.store;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a registered model is for. */
public enum ModelTask {
    @JsonProperty("text-generation") TEXT_GENERATION("text-generation");

    private final String code;

    ModelTask(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ModelTask fromCode(String code) {
        for (ModelTask t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task " + code);
    }
}
