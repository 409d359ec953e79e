package dev.lightningdb.tck.jooq;

import static dev.lightningdb.tck.jooq.BookTable.BOOK;
import static dev.lightningdb.tck.jooq.Library.AUTHOR;
import static dev.lightningdb.tck.jooq.Library.AUTHOR_ID;
import static dev.lightningdb.tck.jooq.Library.AUTHOR_NAME;
import static dev.lightningdb.tck.jooq.Library.COUNTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.round;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.upper;
import static org.jooq.impl.DSL.when;
import static org.jooq.impl.DSL.year;

import dev.lightningdb.tck.jooq.BookTable.BookRecord;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries as jOOQ users build them with the DSL, each run on LightningDB and on H2 over the same rows
 * (made through jOOQ too); both must return the same rows in the same order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JooqQueryTest {
    private JooqDatabases dbs;

    /** One query, built against whichever database it runs on. */
    interface Query extends Function<DSLContext, ResultQuery<? extends Record>> {
    }

    @BeforeAll
    void fill() throws SQLException {
        dbs = new JooqDatabases();
        for (DSLContext dsl : dbs.both()) {
            Library.create(dsl);
            Library.fill(dsl);
        }
    }

    @AfterAll
    void close() throws SQLException {
        dbs.close();
    }

    static Stream<Named<Query>> queries() {
        return Stream.of(
                query("where with and/or", dsl -> dsl.select(BOOK.TITLE, BOOK.PRICE).from(BOOK)
                        .where(BOOK.IN_PRINT.isTrue().and(BOOK.PRICE.gt(new BigDecimal("10")).or(BOOK.PUBLISHED.isNull())))
                        .orderBy(BOOK.ID)),
                query("in list", dsl -> dsl.select(BOOK.TITLE).from(BOOK)
                        .where(BOOK.TITLE.in("Solaris", "The Cyberiad", "Not a book")).orderBy(BOOK.TITLE)),
                query("not in list", dsl -> dsl.select(BOOK.TITLE).from(BOOK)
                        .where(BOOK.AUTHOR_ID.notIn(Library.authorId(dsl, "Stanisław Lem"))).orderBy(BOOK.TITLE)),
                query("between dates", dsl -> dsl.select(BOOK.TITLE, BOOK.PUBLISHED).from(BOOK)
                        .where(BOOK.PUBLISHED.between(LocalDate.of(1965, 1, 1), LocalDate.of(1972, 12, 31)))
                        .orderBy(BOOK.PUBLISHED)),
                query("like", dsl -> dsl.select(BOOK.TITLE).from(BOOK).where(BOOK.TITLE.like("The %")).orderBy(BOOK.TITLE)),
                query("not like", dsl -> dsl.select(BOOK.TITLE).from(BOOK).where(BOOK.TITLE.notLike("%s%")).orderBy(BOOK.TITLE)),
                query("likeIgnoreCase", dsl -> dsl.select(BOOK.TITLE).from(BOOK)
                        .where(BOOK.TITLE.likeIgnoreCase("%THE%")).orderBy(BOOK.TITLE)),
                query("containsIgnoreCase", dsl -> dsl.select(BOOK.TITLE).from(BOOK)
                        .where(BOOK.TITLE.containsIgnoreCase("dark")).orderBy(BOOK.TITLE)),
                query("startsWith", dsl -> dsl.select(BOOK.TITLE).from(BOOK).where(BOOK.TITLE.startsWith("Th")).orderBy(BOOK.TITLE)),
                query("upper and lower", dsl -> dsl.select(upper(AUTHOR_NAME), lower(COUNTRY)).from(AUTHOR).orderBy(AUTHOR_ID)),
                query("order by nulls last, limit and offset", dsl -> dsl.select(BOOK.TITLE, BOOK.PRICE).from(BOOK)
                        .orderBy(BOOK.PRICE.desc().nullsLast(), BOOK.ID).limit(3).offset(2)),
                query("order by nulls first, limit only", dsl -> dsl.select(BOOK.TITLE).from(BOOK)
                        .orderBy(BOOK.PUBLISHED.asc().nullsFirst()).limit(4)),
                query("inner join", dsl -> dsl.select(AUTHOR_NAME, BOOK.TITLE).from(BOOK)
                        .join(AUTHOR).on(BOOK.AUTHOR_ID.eq(AUTHOR_ID)).where(COUNTRY.eq("US")).orderBy(BOOK.TITLE)),
                query("left join, group by, having", dsl -> dsl.select(AUTHOR_NAME, count(BOOK.ID)).from(AUTHOR)
                        .leftJoin(BOOK).on(BOOK.AUTHOR_ID.eq(AUTHOR_ID))
                        .groupBy(AUTHOR_NAME).having(count(BOOK.ID).lt(3)).orderBy(AUTHOR_NAME)),
                query("aggregates", dsl -> dsl.select(BOOK.AUTHOR_ID, count(), count(BOOK.PRICE), sum(BOOK.PRICE),
                                min(BOOK.PUBLISHED), max(BOOK.TITLE)).from(BOOK)
                        .groupBy(BOOK.AUTHOR_ID).orderBy(BOOK.AUTHOR_ID)),
                query("exists subquery", dsl -> dsl.select(AUTHOR_NAME).from(AUTHOR)
                        .whereExists(selectOne().from(BOOK).where(BOOK.AUTHOR_ID.eq(AUTHOR_ID).and(BOOK.IN_PRINT.isFalse())))
                        .orderBy(AUTHOR_NAME)),
                query("not exists subquery", dsl -> dsl.select(AUTHOR_NAME).from(AUTHOR)
                        .where(notExists(selectOne().from(BOOK).where(BOOK.AUTHOR_ID.eq(AUTHOR_ID))))),
                query("count subquery as a column", dsl -> dsl.select(AUTHOR_NAME,
                                field(selectCount().from(BOOK).where(BOOK.AUTHOR_ID.eq(AUTHOR_ID))).as("books"))
                        .from(AUTHOR).orderBy(AUTHOR_ID)),
                query("in subquery", dsl -> dsl.select(BOOK.TITLE).from(BOOK)
                        .where(BOOK.AUTHOR_ID.in(select(AUTHOR_ID).from(AUTHOR).where(COUNTRY.in("PL", "IT"))))
                        .orderBy(BOOK.TITLE)),
                query("exists as a value", dsl -> dsl.select(field(exists(selectOne().from(BOOK).where(BOOK.PRICE.gt(new BigDecimal("14"))))))),
                query("case and coalesce", dsl -> dsl.select(BOOK.TITLE, when(BOOK.IN_PRINT, "in print").otherwise("out of print"),
                                coalesce(BOOK.PRICE, BigDecimal.ZERO)).from(BOOK).orderBy(BOOK.ID)),
                query("year of a date", dsl -> dsl.select(year(BOOK.PUBLISHED), count()).from(BOOK)
                        .where(BOOK.PUBLISHED.isNotNull()).groupBy(year(BOOK.PUBLISHED)).orderBy(inline(1))),
                query("distinct and union", dsl -> dsl.selectDistinct(COUNTRY).from(AUTHOR).where(COUNTRY.isNotNull())
                        .union(select(inline("XX"))).orderBy(inline(1))));
    }

    private static Named<Query> query(String name, Query query) {
        return Named.of(name, query);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void answersAsH2Does(Query query) {
        assertSameRowsAsH2(query);
    }

    /** Plain SQL, and what the DEFAULT, SQLITE and MYSQL dialects render for likeIgnoreCase: a bare ? inside LOWER. */
    @Test
    void plainSqlWithLowerOfAParameter() {
        assertSameRowsAsH2(dsl -> dsl.resultQuery("select \"title\" from \"book\" where lower(\"title\") like lower(?) order by 1", "%THE%"));
    }

    private void assertSameRowsAsH2(Query query) {
        ResultQuery<? extends Record> ours = query.apply(dbs.lightning);
        List<List<Object>> expected = rows(query.apply(dbs.h2));
        assertThat(rows(ours)).as(ours.getSQL()).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void fetchCountAndFetchExistsWrapTheQuery() {
        for (DSLContext dsl : dbs.both()) {
            assertThat(dsl.fetchCount(BOOK, BOOK.IN_PRINT.isTrue())).isEqualTo(6);
            assertThat(dsl.fetchCount(dsl.selectDistinct(BOOK.AUTHOR_ID).from(BOOK))).isEqualTo(3);
            assertThat(dsl.fetchExists(BOOK, BOOK.TITLE.eq("Solaris"))).isTrue();
            assertThat(dsl.fetchExists(dsl.selectOne().from(BOOK).where(BOOK.TITLE.eq("Dune")))).isFalse();
        }
    }

    @Test
    void theAverageOfDecimalsKeepsItsFraction() {
        // 10.625 and 14.375: H2 and PostgreSQL keep the third decimal, so ROUND(.., 2) rounds them up
        var average = round(avg(BOOK.PRICE), 2);
        List<BigDecimal> expected = dbs.h2.select(average).from(BOOK).groupBy(BOOK.AUTHOR_ID).orderBy(BOOK.AUTHOR_ID).fetch(average);
        assertThat(dbs.lightning.select(average).from(BOOK).groupBy(BOOK.AUTHOR_ID).orderBy(BOOK.AUTHOR_ID).fetch(average))
                .usingElementComparator(BigDecimal::compareTo).isEqualTo(expected); // H2 keeps ROUND's argument's scale
    }

    /** A POJO jOOQ fills by matching its record components to the column names. */
    record BookSummary(String title, BigDecimal price, LocalDate published) {
    }

    @Test
    void resultsMapIntoPojosGroupsAndStreams() {
        List<BookSummary> ours = summaries(dbs.lightning);
        assertThat(ours).isEqualTo(summaries(dbs.h2)).hasSize(3)
                .contains(new BookSummary("Solaris", new BigDecimal("11.00"), LocalDate.of(1961, 6, 1)));
        assertThat(titlesByAuthor(dbs.lightning)).isEqualTo(titlesByAuthor(dbs.h2)).hasSize(3);
        try (Stream<BookRecord> stream = dbs.lightning.selectFrom(BOOK).orderBy(BOOK.ID).fetchStream()) {
            assertThat(stream.map(b -> b.get(BOOK.TITLE)).limit(2))
                    .containsExactly("A Wizard of Earthsea", "The Left Hand of Darkness");
        }
    }

    private static List<BookSummary> summaries(DSLContext dsl) {
        return dsl.select(BOOK.TITLE, BOOK.PRICE, BOOK.PUBLISHED).from(BOOK)
                .where(BOOK.AUTHOR_ID.eq(Library.authorId(dsl, "Stanisław Lem"))).orderBy(BOOK.ID)
                .fetchInto(BookSummary.class);
    }

    private static Map<String, List<String>> titlesByAuthor(DSLContext dsl) {
        return dsl.select(AUTHOR_NAME, BOOK.TITLE).from(AUTHOR).join(BOOK).on(BOOK.AUTHOR_ID.eq(AUTHOR_ID))
                .orderBy(BOOK.TITLE).fetchGroups(AUTHOR_NAME, BOOK.TITLE);
    }

    /** Rows as lists; decimals compared by value, since scales of computed decimals differ between databases. */
    private static List<List<Object>> rows(ResultQuery<? extends Record> query) {
        return query.fetch().stream()
                .map(r -> Stream.of(r.intoArray()).map(JooqQueryTest::comparable).toList())
                .toList();
    }

    private static Object comparable(Object value) {
        return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value;
    }
}
