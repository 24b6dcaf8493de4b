package io.newsdesk.generation.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.newsdesk.core.problem.RefusedJsonValueException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a chat message's content as OpenAI takes it: a string, or an array of content parts. Text parts are
 * joined with line breaks, as other OpenAI-compatible servers join them; the models served here read text only, so
 * an image, audio or file part is refused by name rather than dropped.
 */
final class MessageContent extends StdDeserializer<String> {

    /** Parts one message may have. */
    static final int MAX_PARTS = 100;

    MessageContent() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new RefusedJsonValueException(parser, "must be a string or an array of text parts");
        }
        JsonNode parts = parser.readValueAsTree();
        if (parts.size() > MAX_PARTS) {
            throw new RefusedJsonValueException(parser, "at most " + MAX_PARTS + " parts");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode part : parts) {
            String type = part.path("type").asText("");
            if (!type.equals("text")) {
                throw new RefusedJsonValueException(parser, type.isEmpty() || !part.isObject()
                        ? "each part is an object {\"type\": \"text\", \"text\": ...}"
                        : "the models served here read text only; a part of type " + type + " cannot be taken");
            }
            if (!part.path("text").isTextual()) {
                throw new RefusedJsonValueException(parser, "a text part's text must be a string");
            }
            texts.add(part.path("text").asText());
        }
        return String.join("\n", texts);
    }
}
