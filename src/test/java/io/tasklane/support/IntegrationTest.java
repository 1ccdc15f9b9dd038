package io.tasklane.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one context configuration of every integration test: the whole application on the postgres
 * profile against an embedded PostgreSQL and a Kubernetes API mock, served on a random port. Keep it identical everywhere so
 * Spring caches one context (and one PostgreSQL) for the suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
@Import({TestDatabaseConfig.class, Fixtures.class, KubernetesMockConfig.class})
public @interface IntegrationTest {
}
