package io.tasklane.api;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.util.ClassUtil;
import io.tasklane.common.FieldViolation;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets a read go on past a field of the wrong type or an unknown field, noting the problem instead of
 * stopping at the first one, so one answer can name every broken field. It acts only on reads that carry
 * a list under {@link #SINK} (request bodies: {@link AllFieldErrorsConverter}, task bodies: {@link TaskSpecBodies});
 * every other read fails at the first problem, as Jackson does. A field read this way is left unset (null),
 * and the caller refuses the whole body.
 */
@Component
class FieldErrorCollector extends DeserializationProblemHandler implements Jackson2ObjectMapperBuilderCustomizer {

    /** The attribute of a read under which its problems are collected: a {@code List<FieldViolation>}. */
    static final String SINK = FieldErrorCollector.class.getName() + ".sink";

    @Override
    public void customize(org.springframework.http.converter.json.Jackson2ObjectMapperBuilder builder) {
        builder.postConfigurer(mapper -> mapper.addHandler(this));
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        List<FieldViolation> sink = sink(context);
        if (sink == null) {
            return false;
        }
        // The parser stands on the unknown field's value, so its path ends in the field's name.
        sink.add(JsonViolations.unknownField(here(parser), propertyName, deserializer.getKnownPropertyNames()));
        parser.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                                         String failureMsg) {
        return note(context, JsonViolations.wrongValue(here(context.getParser()), value, targetType), targetType);
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
                                         String failureMsg) {
        return note(context, JsonViolations.wrongValue(here(context.getParser()), value, targetType), targetType);
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                                        JsonParser parser, String failureMsg) throws IOException {
        List<FieldViolation> sink = sink(context);
        String path = here(parser);
        if (sink == null || path.isEmpty()) {
            // The body as a whole is of the wrong JSON type: nothing to go on reading.
            return NOT_HANDLED;
        }
        parser.skipChildren();
        sink.add(JsonViolations.wrongJsonType(path, targetType.getRawClass()));
        return placeholder(targetType.getRawClass());
    }

    private static Object note(DeserializationContext context, FieldViolation violation, Class<?> targetType) {
        List<FieldViolation> sink = sink(context);
        if (sink == null) {
            return NOT_HANDLED;
        }
        sink.add(violation);
        return placeholder(targetType);
    }

    /** What an unreadable field is left as: unset, or for a primitive (which cannot be null) its zero. */
    private static Object placeholder(Class<?> type) {
        return type.isPrimitive() ? ClassUtil.defaultValue(type) : null;
    }

    /** The path of the value the parser stands on; on an object's or array's start, the one it opens. */
    private static String here(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        boolean opensContainer = parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY;
        return JsonViolations.path(opensContainer ? context.getParent() : context);
    }

    @SuppressWarnings("unchecked")
    private static List<FieldViolation> sink(DeserializationContext context) {
        return (List<FieldViolation>) context.getAttribute(SINK);
    }
}
