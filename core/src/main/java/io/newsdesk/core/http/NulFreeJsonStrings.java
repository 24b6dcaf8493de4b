package io.newsdesk.core.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.newsdesk.core.problem.RefusedJsonValueException;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Refuses a JSON string holding the NUL character (U+0000) wherever a request body is read into a string field:
 * PostgreSQL's text cannot store it, so an article, a section or a model folder with one would fail only at the
 * database, and no newsroom text needs it. The refusal is a 400 naming the field, before anything is stored.
 */
@Singleton
public class NulFreeJsonStrings implements ObjectMapperCustomizer {

    static final String REASON = "must not contain the NUL character (U+0000)";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-free-strings").addDeserializer(String.class, new Refusing()));
    }

    /** Jackson's own string reading, then the check. */
    static final class Refusing extends StdScalarDeserializer<String> {

        Refusing() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new RefusedJsonValueException(parser, REASON);
            }
            return value;
        }
    }
}
