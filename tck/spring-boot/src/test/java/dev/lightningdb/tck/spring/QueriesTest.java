package dev.lightningdb.tck.spring;

import static dev.lightningdb.tck.spring.BookSpecifications.authorNameStartsWith;
import static dev.lightningdb.tck.spring.BookSpecifications.genreIs;
import static dev.lightningdb.tck.spring.BookSpecifications.pagesAtLeast;
import static dev.lightningdb.tck.spring.LibraryFixture.titles;
import static dev.lightningdb.tck.spring.LibraryFixture.titlesWhere;
import static dev.lightningdb.tck.spring.LibraryFixture.where;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.tck.spring.LibraryFixture.Seed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/** JPQL and native {@code @Query}, bulk updates, projections, Specifications and Criteria, entity graphs. */
@SpringBootTest
class QueriesTest {
    @Autowired
    BookRepository books;
    @Autowired
    AuthorRepository authors;
    @Autowired
    EntityManager entityManager;
    @Autowired
    LibraryFixture fixture;

    @BeforeEach
    void seed() {
        fixture.reset();
    }

    @Test
    void jpqlWithNamedParametersAndAJoin() {
        BigDecimal max = new BigDecimal("11.00");
        assertThat(titles(books.cheaperBooksOf("Ursula K. Le Guin", max))).containsExactlyElementsOf(
                where(s -> s.author().equals("Ursula K. Le Guin") && s.price().compareTo(max) < 0).map(Seed::title).sorted().toList());
    }

    @Test
    void jpqlSearchWithLowerLikeConcat() {
        assertThat(titles(books.searchTitles("GOD"))).containsExactlyElementsOf(
                where(s -> s.title().toLowerCase(Locale.ROOT).contains("god")).map(Seed::title).sorted().toList());
    }

    @Test
    void nativeQueryMappedToEntities() {
        assertThat(titles(books.thickerThanNative(300))).containsExactlyElementsOf(where(s -> s.pages() > 300)
                .sorted(Comparator.comparingInt(Seed::pages).reversed()).map(Seed::title).toList());
    }

    @Test
    void nativeQueryMappedToAnInterfaceProjection() {
        Map<String, Long> expected = new TreeMap<>(where(s -> s.genre() != null).collect(groupingBy(Seed::genre, counting())));
        Map<String, Long> actual = books.countByGenreNative().stream()
                .collect(Collectors.toMap(GenreCount::getGenre, GenreCount::getBooks, Long::sum, TreeMap::new));
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void modifyingBulkUpdate() {
        long sf = where(s -> "sf".equals(s.genre())).count();
        assertThat(books.reprice("sf", new BigDecimal("2"))).isEqualTo((int) sf);
        for (Book book : books.findByGenreIgnoreCase("sf")) {
            Seed seed = where(s -> s.title().equals(book.getTitle())).findFirst().orElseThrow();
            assertThat(book.getPrice()).isEqualByComparingTo(seed.price().multiply(new BigDecimal("2")));
        }
    }

    @Test
    void interfaceAndDtoProjections() {
        List<BookTitle> sf = books.findTitlesByGenreOrderByTitle("sf");
        assertThat(sf).extracting(BookTitle::getTitle).containsExactlyElementsOf(
                where(s -> "sf".equals(s.genre())).map(Seed::title).sorted().toList());
        assertThat(sf).extracting(BookTitle::getPages).containsExactlyElementsOf(
                where(s -> "sf".equals(s.genre())).sorted(Comparator.comparing(Seed::title)).map(Seed::pages).toList());

        BigDecimal min = new BigDecimal("11.00");
        assertThat(books.summariesCostingAtLeast(min)).containsExactlyElementsOf(where(s -> s.price().compareTo(min) >= 0)
                .sorted(Comparator.comparing(Seed::price).reversed().thenComparing(Seed::title))
                .map(s -> new BookSummary(s.title(), s.author(), s.price())).toList());
    }

    @Test
    void specificationsCombined() {
        Specification<Book> longFantasy = genreIs("fantasy").and(pagesAtLeast(285));
        assertThat(titles(books.findAll(longFantasy, Sort.by("title")))).containsExactlyElementsOf(
                where(s -> "fantasy".equals(s.genre()) && s.pages() >= 285).map(Seed::title).sorted().toList());

        Specification<Book> sfOrByTerry = genreIs("sf").or(authorNameStartsWith("Terry"));
        assertThat(books.count(sfOrByTerry)).isEqualTo(where(s -> "sf".equals(s.genre()) || s.author().startsWith("Terry")).count());
    }

    @Test
    void criteriaQueryWithGroupByAndHaving() {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Book> book = query.from(Book.class);
        Join<Book, Author> author = book.join("author");
        query.select(cb.tuple(author.get("name"), cb.count(book), cb.sum(book.<Integer>get("pages"))))
                .groupBy(author.get("name"))
                .having(cb.gt(cb.count(book), 1L))
                .orderBy(cb.asc(author.get("name")));
        Map<String, Long> pagesByAuthor = new TreeMap<>();
        for (Tuple row : entityManager.createQuery(query).getResultList()) {
            pagesByAuthor.put(row.get(0, String.class), row.get(2, Number.class).longValue());
        }
        Map<String, List<Seed>> byAuthor = LibraryFixture.BOOKS.stream().collect(groupingBy(Seed::author));
        Map<String, Long> expected = new TreeMap<>();
        byAuthor.forEach((name, seeds) -> {
            if (seeds.size() > 1) {
                expected.put(name, seeds.stream().mapToLong(Seed::pages).sum());
            }
        });
        assertThat(pagesByAuthor).containsExactlyEntriesOf(expected);
    }

    @Test
    void entityGraphsLoadAssociationsForUseOutsideTheTransaction() {
        List<Book> plain = books.findByGenreIgnoreCase("sf");
        assertThat(plain).allSatisfy(b -> assertThat(Hibernate.isInitialized(b.getAuthor())).isFalse());

        List<Book> withAuthors = books.findWithAuthorByGenreOrderByTitle("sf");
        assertThat(withAuthors).allSatisfy(b -> assertThat(Hibernate.isInitialized(b.getAuthor())).isTrue());
        assertThat(withAuthors).extracting(b -> b.getAuthor().getName()).containsExactlyElementsOf(
                where(s -> "sf".equals(s.genre())).sorted(Comparator.comparing(Seed::title)).map(Seed::author).toList());

        Author banks = authors.findWithBooksByName("Iain M. Banks").orElseThrow();
        assertThat(Hibernate.isInitialized(banks.getBooks())).isTrue();
        assertThat(titles(banks.getBooks())).containsExactlyElementsOf(
                titlesWhere(s -> s.author().equals("Iain M. Banks")).stream().sorted().toList());
    }
}
