package io.tasklane.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the API's HTTP Basic sign-in in the OpenAPI document, so Swagger UI offers "Authorize" and its
 * "Try it out" calls carry credentials instead of all answering 401.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BASIC = "basic";

    @Bean
    OpenAPI tasklaneOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tasklane API").version("v1")
                        .description("GPU tasks on virtual clusters: tasks, runs, queues, pins, force-starts, schedules."))
                .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A user of Camunda's identity service (the dev profile has admin/admin and alice/alice)")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
