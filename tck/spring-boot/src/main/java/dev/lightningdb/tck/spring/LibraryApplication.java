package dev.lightningdb.tck.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small library catalogue as a Spring Boot application would write it: JPA entities and Spring
 * Data repositories over LightningDB, a service with {@code @Transactional} methods, the schema made
 * by Liquibase (or by Flyway under the {@code flyway} profile) and checked by Hibernate
 * ({@code ddl-auto=validate}). Its configuration is {@code application.properties}: the JDBC URL,
 * the driver class and nothing LightningDB-specific beyond them.
 */
@SpringBootApplication
public class LibraryApplication {
    public static void main(String[] args) {
        SpringApplication.run(LibraryApplication.class, args);
    }
}
