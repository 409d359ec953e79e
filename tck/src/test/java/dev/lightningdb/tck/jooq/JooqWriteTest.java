package dev.lightningdb.tck.jooq;

import static dev.lightningdb.tck.jooq.BookTable.BOOK;
import static dev.lightningdb.tck.jooq.Library.AUTHOR;
import static dev.lightningdb.tck.jooq.Library.AUTHOR_ID;
import static dev.lightningdb.tck.jooq.Library.AUTHOR_NAME;
import static dev.lightningdb.tck.jooq.Library.COUNTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.inline;

import dev.lightningdb.tck.jooq.BookTable.BookRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.Sequence;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/**
 * Writes through jOOQ: inserts with their generated keys, records, batches, updates and deletes. Each
 * test runs the same jOOQ code on LightningDB and H2 and then compares both tables row for row.
 */
class JooqWriteTest extends LibraryTest {
    @Test
    void insertReturnsTheGeneratedIdOfOneRow() {
        onBoth(dsl -> {
            Long id = dsl.insertInto(AUTHOR, AUTHOR_NAME, COUNTRY).values("Ursula Le Guin", "US").returningResult(AUTHOR_ID).fetchOne(AUTHOR_ID);
            assertThat(id).isNotNull();
            assertThat(dsl.select(AUTHOR_NAME).from(AUTHOR).where(AUTHOR_ID.eq(id)).fetchOne(AUTHOR_NAME)).isEqualTo("Ursula Le Guin");
        });
        assertSameTables();
    }

    @Test
    void multiRowInsertReturnsEveryGeneratedId() {
        onBoth(dsl -> {
            Result<Record1<Long>> ids = dsl.insertInto(AUTHOR, AUTHOR_NAME).values("A").values("B").values("C")
                    .returningResult(AUTHOR_ID).fetch();
            assertThat(ids.getValues(AUTHOR_ID)).doesNotHaveDuplicates().hasSize(3)
                    .containsExactlyElementsOf(dsl.select(AUTHOR_ID).from(AUTHOR).orderBy(AUTHOR_ID).fetch(AUTHOR_ID));
            // more than the identity: jOOQ asks getGeneratedKeys() for the columns by name
            Result<Record3<Long, String, String>> rows = dsl.insertInto(AUTHOR, AUTHOR_NAME, COUNTRY).values("D", "FR").values("E", null)
                    .returningResult(AUTHOR_ID, AUTHOR_NAME, COUNTRY).fetch();
            assertThat(rows).extracting(r -> r.value2() + "/" + r.value3()).containsExactly("D/FR", "E/null");
            assertThat(rows.getValues(AUTHOR_ID)).doesNotContainNull().doesNotContainAnyElementsOf(ids.getValues(AUTHOR_ID));
        });
        assertSameTables();
    }

    @Test
    void aStoredRecordGetsItsIdentity() {
        onBoth(dsl -> {
            long author = author(dsl, "Stanisław Lem");
            BookRecord book = dsl.newRecord(BOOK);
            book.set(BOOK.AUTHOR_ID, author);
            book.set(BOOK.TITLE, "Solaris");
            book.set(BOOK.PRICE, new BigDecimal("11.00"));
            book.set(BOOK.PUBLISHED, LocalDate.of(1961, 6, 1));
            book.set(BOOK.IN_PRINT, true);
            assertThat(book.insert()).isEqualTo(1);
            assertThat(book.get(BOOK.ID)).isNotNull();
            BookRecord read = dsl.selectFrom(BOOK).where(BOOK.ID.eq(book.get(BOOK.ID))).fetchSingle();
            assertThat(read.intoMap()).isEqualTo(book.intoMap());
        });
        assertSameTables();
    }

    @Test
    void batchInsertOfRecordsAndBatchWithBindValues() {
        onBoth(dsl -> {
            long author = author(dsl, "Italo Calvino");
            BookRecord first = book(dsl, author, "Invisible Cities", "13.75");
            BookRecord second = book(dsl, author, "Cosmicomics", null);
            assertThat(dsl.batchInsert(first, second).execute()).containsExactly(1, 1);
            int[] counts = dsl.batch(dsl.insertInto(AUTHOR, AUTHOR_NAME, COUNTRY).values((String) null, null))
                    .bind("Jorge Luis Borges", "AR").bind("Octavia Butler", "US").bind("Anonymous", null)
                    .execute();
            assertThat(counts).containsExactly(1, 1, 1);
            // statements of different shapes go into one JDBC batch with their values inlined
            assertThat(dsl.batch(dsl.insertInto(AUTHOR, AUTHOR_NAME).values("Italo Svevo"),
                    dsl.deleteFrom(BOOK).where(BOOK.PRICE.isNull())).execute()).containsExactly(1, 1);
        });
        assertSameTables();
    }

    @Test
    void aSequenceMadeByJooqNumbersRows() {
        Sequence<Long> sequence = DSL.sequence(DSL.name("book_seq"), SQLDataType.BIGINT);
        onBoth(dsl -> {
            dsl.createSequence(sequence).startWith(10).incrementBy(5).execute();
            assertThat(List.of(dsl.nextval(sequence), dsl.nextval(sequence))).containsExactly(10L, 15L);
            dsl.insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME).values(sequence.nextval(), DSL.val("numbered")).execute();
            assertThat(dsl.select(AUTHOR_ID).from(AUTHOR).fetch(AUTHOR_ID)).containsExactly(20L);
        });
    }

    @Test
    void updatesSetColumnsAsJooqQualifiesThem() {
        // jOOQ writes SET "book"."price" = ...: the target qualified by its table, as H2 and HSQLDB take it
        onBoth(dsl -> update(dsl, field -> field));
        assertSameTables();
    }

    @Test
    void updatesSetColumnsNamedWithoutTheirTable() {
        // what works today: a SET target made from the column's bare name renders as SET "price" = ...
        onBoth(dsl -> update(dsl, field -> DSL.field(field.getUnqualifiedName(), field.getDataType())));
        assertSameTables();
    }

    /** Raises the price of the older books and renames two authors, with {@code target} making each SET target. */
    private static void update(DSLContext dsl, UnaryOperator<Field<?>> target) {
        Library.fill(dsl);
        int raised = dsl.update(BOOK)
                .set(setTarget(target, BOOK.PRICE), BOOK.PRICE.mul(new BigDecimal("1.10")))
                .set(setTarget(target, BOOK.IN_PRINT), true)
                .where(BOOK.PUBLISHED.lt(LocalDate.of(1970, 1, 1))).execute();
        assertThat(raised).isEqualTo(4);
        int renamed = dsl.update(AUTHOR).set(setTarget(target, AUTHOR_NAME), AUTHOR_NAME.concat(" (translated)"))
                .where(COUNTRY.in("PL", "IT")).execute();
        assertThat(renamed).isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> setTarget(UnaryOperator<Field<?>> target, Field<T> column) {
        return (Field<T>) target.apply(column);
    }

    @Test
    void deletesCountTheirRows() {
        onBoth(dsl -> {
            Library.fill(dsl);
            assertThat(dsl.deleteFrom(BOOK).where(BOOK.PRICE.isNull().or(BOOK.TITLE.like("%Cities"))).execute()).isEqualTo(2);
            assertThat(dsl.deleteFrom(AUTHOR).where(AUTHOR_ID.notIn(dsl.select(BOOK.AUTHOR_ID).from(BOOK))).execute()).isEqualTo(1);
        });
        assertSameTables();
    }

    private static long author(DSLContext dsl, String name) {
        return dsl.insertInto(AUTHOR, AUTHOR_NAME).values(name).returningResult(AUTHOR_ID).fetchSingle(AUTHOR_ID);
    }

    private static BookRecord book(DSLContext dsl, long author, String title, String price) {
        BookRecord book = dsl.newRecord(BOOK);
        book.set(BOOK.AUTHOR_ID, author);
        book.set(BOOK.TITLE, title);
        book.set(BOOK.PRICE, price == null ? null : new BigDecimal(price));
        book.set(BOOK.IN_PRINT, false);
        return book;
    }

    private void onBoth(Consumer<DSLContext> work) {
        work.accept(dbs.lightning);
        work.accept(dbs.h2);
    }

    private void assertSameTables() {
        for (var table : List.of(AUTHOR, BOOK)) {
            var ours = dbs.lightning.selectFrom(table).orderBy(inline(1)).fetch().intoArrays();
            var h2 = dbs.h2.selectFrom(table).orderBy(inline(1)).fetch().intoArrays();
            assertThat(ours).as(table.getName()).isDeepEqualTo(h2);
        }
    }
}
