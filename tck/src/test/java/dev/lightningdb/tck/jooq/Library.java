package dev.lightningdb.tck.jooq;

import static dev.lightningdb.tck.jooq.BookTable.BOOK;
import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The schema of the jOOQ tests: {@code author} named through {@link org.jooq.impl.DSL} (no generated
 * or hand-written class, as jOOQ users write ad hoc queries) and {@code book} as {@link BookTable}.
 * Both are created through jOOQ's DDL API, so the DDL the tests run is the one jOOQ renders.
 */
final class Library {
    static final Table<Record> AUTHOR = table(name("author"));
    static final Field<Long> AUTHOR_ID = field(name("author", "id"), SQLDataType.BIGINT.nullable(false).identity(true));
    static final Field<String> AUTHOR_NAME = field(name("author", "name"), SQLDataType.VARCHAR(60).nullable(false));
    static final Field<String> COUNTRY = field(name("author", "country"), SQLDataType.CHAR(2));

    private Library() {
    }

    static void create(DSLContext dsl) {
        dsl.createTable(AUTHOR)
                .columns(AUTHOR_ID, AUTHOR_NAME, COUNTRY)
                .constraints(constraint(name("pk_author")).primaryKey(AUTHOR_ID), constraint(name("uq_author_name")).unique(AUTHOR_NAME))
                .execute();
        dsl.createTable(BOOK)
                .columns(BOOK.fields())
                .constraints(
                        constraint(name("pk_book")).primaryKey(BOOK.ID),
                        constraint(name("fk_book_author")).foreignKey(BOOK.AUTHOR_ID).references(AUTHOR, AUTHOR_ID),
                        constraint(name("ck_book_price")).check(BOOK.PRICE.ge(BigDecimal.ZERO)))
                .execute();
        dsl.createIndex(name("ix_book_author")).on(BOOK, BOOK.AUTHOR_ID, BOOK.PUBLISHED).execute();
    }

    /** Three authors and eight books; the ids are the identity's own. */
    static void fill(DSLContext dsl) {
        dsl.insertInto(AUTHOR, AUTHOR_NAME, COUNTRY)
                .values("Ursula Le Guin", "US")
                .values("Stanisław Lem", "PL")
                .values("Italo Calvino", "IT")
                .values("Anonymous", null)
                .execute();
        long leGuin = authorId(dsl, "Ursula Le Guin");
        long lem = authorId(dsl, "Stanisław Lem");
        long calvino = authorId(dsl, "Italo Calvino");
        dsl.insertInto(BOOK, BOOK.AUTHOR_ID, BOOK.TITLE, BOOK.PRICE, BOOK.PUBLISHED, BOOK.IN_PRINT)
                .values(leGuin, "A Wizard of Earthsea", new BigDecimal("9.99"), LocalDate.of(1968, 11, 1), true)
                .values(leGuin, "The Left Hand of Darkness", new BigDecimal("12.50"), LocalDate.of(1969, 3, 1), true)
                .values(leGuin, "The Dispossessed", new BigDecimal("14.00"), LocalDate.of(1974, 5, 1), false)
                .values(lem, "Solaris", new BigDecimal("11.00"), LocalDate.of(1961, 6, 1), true)
                .values(lem, "The Cyberiad", null, LocalDate.of(1965, 1, 1), false)
                .values(lem, "His Master's Voice", new BigDecimal("10.25"), null, true)
                .values(calvino, "Invisible Cities", new BigDecimal("13.75"), LocalDate.of(1972, 11, 1), true)
                .values(calvino, "If on a Winter's Night a Traveler", new BigDecimal("15.00"), LocalDate.of(1979, 6, 1), true)
                .execute();
    }

    static long authorId(DSLContext dsl, String name) {
        return dsl.select(AUTHOR_ID).from(AUTHOR).where(AUTHOR_NAME.eq(name)).fetchSingle(AUTHOR_ID);
    }
}
