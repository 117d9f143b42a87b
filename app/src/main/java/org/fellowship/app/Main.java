package org.fellowship.app;

import org.fellowship.app.local.LocalModes;
import org.springframework.boot.SpringApplication;

/**
 * Entry point. {@code replay FILE}, {@code console} and {@code evaluate-detector CSV} run a local mode without the web server; anything else
 * starts the Spring Boot application (adapters enabled by their tokens, health on {@code /actuator/health}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && LocalModes.handles(args[0])) {
            System.exit(LocalModes.run(args));
        }
        SpringApplication.run(FellowshipApplication.class, java.util.Arrays.stream(args)
                // the documented switch for tiny machines, as the property it stands for
                .map(a -> a.equals("--no-semantic") ? "--fellowship.crisis.semantic.enabled=false" : a)
                .toArray(String[]::new));
    }
}
