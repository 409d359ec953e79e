package dev.lightningdb.tck.jooq;

import java.sql.SQLException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test that gets, for each of its methods, both databases with the empty {@link Library} schema. */
abstract class LibraryTest {
    JooqDatabases dbs;

    @BeforeEach
    void createLibrary() throws SQLException {
        dbs = new JooqDatabases();
        for (DSLContext dsl : dbs.both()) {
            Library.create(dsl);
        }
    }

    @AfterEach
    void closeDatabases() throws SQLException {
        dbs.close();
    }
}
