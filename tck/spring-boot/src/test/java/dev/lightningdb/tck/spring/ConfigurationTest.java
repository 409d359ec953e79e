package dev.lightningdb.tck.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import dev.lightningdb.hibernate.LightningDialect;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a Spring Boot application must configure for LightningDB, and what it gets without more:
 * HikariCP as the pool, the dialect found by Hibernate from the connection, the schema made by
 * Liquibase and accepted by {@code ddl-auto=validate} (else the context would not start).
 */
@SpringBootTest
class ConfigurationTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDialectIsResolvedWithoutBeingConfigured() {
        assertThat(environment.containsProperty("spring.jpa.database-platform")).isFalse();
        assertThat(environment.containsProperty("spring.jpa.properties.hibernate.dialect")).isFalse();
        SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        assertThat(sessionFactory.getJdbcServices().getDialect()).isInstanceOf(LightningDialect.class);
    }

    @Test
    void thePoolIsHikariOverTheLightningDriver() throws SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        assertThat(hikari.getJdbcUrl()).startsWith("jdbc:lightning:mem:library-");
        assertThat(hikari.getDriverClassName()).isEqualTo("dev.lightningdb.jdbc.LightningDriver");
        assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
    }

    @Test
    void liquibaseAppliedEveryChangeSet() {
        assertThat(jdbc.queryForList("SELECT id FROM databasechangelog ORDER BY orderexecuted", String.class))
                .containsExactly("1-author", "2-book", "3-seed", "4-isbn");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM databasechangeloglock WHERE locked", Integer.class)).isZero();
    }

    /**
     * Spring Boot derives the driver class from the URL only for the databases it knows
     * ({@code DatabaseDriver}); for {@code jdbc:lightning:} it needs
     * {@code spring.datasource.driver-class-name}, as README says.
     */
    @Test
    void withoutTheDriverClassNameBootCannotMakeTheDataSource() {
        // a command-line argument, which outranks application.properties, empties the setting
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(LibraryApplication.class)
                .properties("spring.main.banner-mode=off")
                .run("--spring.datasource.driver-class-name=").close());
        assertThat(failure).isNotNull();
        assertThat(rootCause(failure)).hasMessageContaining("driver class");
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
