package dev.lightningdb.tck.spring;

import static dev.lightningdb.tck.spring.LibraryFixture.BOOKS;
import static dev.lightningdb.tck.spring.LibraryFixture.titles;
import static dev.lightningdb.tck.spring.LibraryFixture.titlesWhere;
import static dev.lightningdb.tck.spring.LibraryFixture.where;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.tck.spring.LibraryFixture.Seed;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Spring Data's derived queries, each checked against the seed catalogue filtered in Java. Hibernate
 * writes the SQL: {@code upper(title) like upper(?) escape '\'} for IgnoreCase Containing,
 * {@code like ? escape '\'} for StartingWith, {@code fetch first ? rows only} for Top and First,
 * and so on.
 */
@SpringBootTest
class DerivedQueriesTest {
    @Autowired
    BookRepository books;
    @Autowired
    LibraryFixture fixture;

    @BeforeEach
    void seed() {
        fixture.reset();
    }

    @Test
    void containingIgnoreCase() {
        assertThat(titles(books.findByTitleContainingIgnoreCase("THE")))
                .containsExactlyInAnyOrderElementsOf(titlesWhere(s -> s.title().toUpperCase(Locale.ROOT).contains("THE")));
        // LIKE's wildcards in the argument are matched literally: Spring Data escapes them
        assertThat(books.findByTitleContainingIgnoreCase("%")).isEmpty();
        assertThat(titles(books.findByTitleContainingIgnoreCase("!"))).containsExactly("Guards! Guards!");
    }

    @Test
    void ignoreCaseEquality() {
        assertThat(titles(books.findByGenreIgnoreCase("SF")))
                .containsExactlyInAnyOrderElementsOf(titlesWhere(s -> "sf".equals(s.genre())));
    }

    @Test
    void startingWith() {
        assertThat(titles(books.findByTitleStartingWith("The ")))
                .containsExactlyInAnyOrderElementsOf(titlesWhere(s -> s.title().startsWith("The ")));
        assertThat(books.findByTitleStartingWith("the ")).as("case-sensitive").isEmpty();
    }

    @Test
    void betweenIsInclusive() {
        assertThat(titles(books.findByPagesBetween(280, 288)))
                .containsExactlyInAnyOrderElementsOf(titlesWhere(s -> s.pages() >= 280 && s.pages() <= 288));
    }

    @Test
    void lessThanEqualWithOrderBy() {
        BigDecimal max = new BigDecimal("9.25");
        assertThat(titles(books.findByPriceLessThanEqualOrderByPriceAscTitleAsc(max))).containsExactlyElementsOf(
                where(s -> s.price().compareTo(max) <= 0)
                        .sorted(Comparator.comparing(Seed::price).thenComparing(Seed::title))
                        .map(Seed::title).toList());
    }

    @Test
    void inAndIsNull() {
        assertThat(titles(books.findByGenreIn(Set.of("gothic", "sf"))))
                .containsExactlyInAnyOrderElementsOf(titlesWhere(s -> "gothic".equals(s.genre()) || "sf".equals(s.genre())));
        assertThat(titles(books.findByGenreIsNull())).containsExactlyElementsOf(titlesWhere(s -> s.genre() == null));
    }

    @Test
    void propertyPathThroughTheAuthorWithOrderBy() {
        assertThat(titles(books.findByAuthorNameOrderByPublishedDesc("Terry Pratchett"))).containsExactlyElementsOf(
                where(s -> s.author().equals("Terry Pratchett"))
                        .sorted(Comparator.comparing(Seed::published).reversed()).map(Seed::title).toList());
    }

    @Test
    void firstAndTop() {
        assertThat(books.findFirstByOrderByPagesDesc()).map(Book::getTitle)
                .contains(BOOKS.stream().max(Comparator.comparingInt(Seed::pages)).orElseThrow().title());
        assertThat(titles(books.findTop3ByOrderByPriceAscTitleAsc())).containsExactlyElementsOf(BOOKS.stream()
                .sorted(Comparator.comparing(Seed::price).thenComparing(Seed::title)).limit(3).map(Seed::title).toList());
    }

    @Test
    void existsCountAndDelete() {
        assertThat(books.existsByIsbn("978-0-007")).isTrue();
        assertThat(books.existsByIsbn("978-9-999")).isFalse();
        long fantasy = where(s -> "fantasy".equals(s.genre())).count();
        assertThat(books.countByGenre("fantasy")).isEqualTo(fantasy);

        assertThat(books.deleteByGenre("fantasy")).isEqualTo(fantasy);
        assertThat(books.countByGenre("fantasy")).isZero();
        assertThat(books.count()).isEqualTo(BOOKS.size() - fantasy);
    }
}
