package dev.rollback.it.app;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;

/** A Spring Boot application with Logback that provisions once, as its command line says, and exits. */
@SpringBootApplication
public class ItApplication {

    public static void main(String[] args) {
        SpringApplication.run(ItApplication.class, args);
    }

    @Bean
    Provisioning provisioning() {
        return new Provisioning();
    }

    @Bean
    CommandLineRunner provisionOnce(Provisioning provisioning) {
        return args -> provisioning.report(Path.of(args[0]));
    }
}
