package io.tasklane.api;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Spring MVC's JSON converter, reading every request body with {@link FieldErrorCollector}: a body with
 * several fields of the wrong type (or unknown ones) is refused with all of them in one answer, not the
 * first only. Being a bean of this type, it replaces the one Spring Boot would configure.
 */
@Component
class AllFieldErrorsConverter extends MappingJackson2HttpMessageConverter {

    // The read in progress on this thread; set and cleared around one call of read(), on the same thread.
    private static final ThreadLocal<List<FieldViolation>> READING = new ThreadLocal<>();

    AllFieldErrorsConverter(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input)
            throws IOException, HttpMessageNotReadableException {
        List<FieldViolation> problems = new ArrayList<>();
        READING.set(problems);
        try {
            Object body = super.read(type, contextClass, input);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return body;
        } finally {
            READING.remove();
        }
    }

    @Override
    protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
        List<FieldViolation> problems = READING.get();
        return problems == null ? reader : reader.withAttribute(FieldErrorCollector.SINK, problems);
    }
}
