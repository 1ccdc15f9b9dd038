package io.tasklane;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TasklaneApplication {

    public static void main(String[] args) {
        SpringApplication.run(TasklaneApplication.class, args);
    }
}
