package io.tasklane.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses the NUL character in every request parameter of the API, as {@link NulFreeStrings} does in bodies:
 * PostgreSQL text cannot hold it, so a parameter that reaches a query with one fails there as a 500 instead of a
 * 400 naming the parameter. (Tomcat already refuses {@code %00} in a path.)
 */
@Component
class NulFreeParameters implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldViolation> violations = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey().replace(NulFreeStrings.NUL, "\\u0000");
            boolean nul = parameter.getKey().contains(NulFreeStrings.NUL);
            for (String value : parameter.getValue()) {
                nul |= value != null && value.contains(NulFreeStrings.NUL);
            }
            if (nul) {
                violations.add(new FieldViolation(name, "no-nul-character", name + " may not contain the NUL character"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return true;
    }
}
