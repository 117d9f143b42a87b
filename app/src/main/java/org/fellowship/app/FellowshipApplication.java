package org.fellowship.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application: configuration, wiring, lifecycle, health and metrics. Started by {@link Main}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FellowshipApplication {
}
