package io.tasklane.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

/**
 * Refuses the NUL character in every JSON string. JSON allows {@code \u0000}, PostgreSQL text does not:
 * without this, such a body would fail at the database as a 500 instead of a 400 naming the field.
 */
@Component
class NulFreeStrings extends SimpleModule {

    static final String NUL = "\u0000";

    /** A string with a NUL character, at the JSON path Jackson reports. */
    static class NulCharacterException extends JsonMappingException {
        NulCharacterException(JsonParser parser) {
            super(parser, "text may not contain the NUL character (\\u0000)");
        }
    }

    NulFreeStrings() {
        super("nul-free-strings");
        addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = super.deserialize(parser, context);
                if (value != null && value.contains(NUL)) {
                    throw new NulCharacterException(parser);
                }
                return value;
            }
        });
    }
}
