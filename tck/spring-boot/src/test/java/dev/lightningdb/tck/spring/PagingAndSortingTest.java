package dev.lightningdb.tck.spring;

import static dev.lightningdb.tck.spring.LibraryFixture.BOOKS;
import static dev.lightningdb.tck.spring.LibraryFixture.where;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.tck.spring.LibraryFixture.Seed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;

/** {@code Pageable}, {@code Page} (with its count query), {@code Slice} (one row more) and {@code Sort}. */
@SpringBootTest
class PagingAndSortingTest {
    @Autowired
    BookRepository books;
    @Autowired
    LibraryFixture fixture;

    @BeforeEach
    void seed() {
        fixture.reset();
    }

    @Test
    void pagesWalkTheWholeResultInOrder() {
        List<String> expected = where(s -> "fantasy".equals(s.genre())).map(Seed::title).sorted().toList();
        List<String> walked = new ArrayList<>();
        Pageable request = PageRequest.of(0, 3, Sort.by("title"));
        Page<Book> page;
        do {
            page = books.findByGenre("fantasy", request);
            assertThat(page.getTotalElements()).isEqualTo(expected.size());
            assertThat(page.getTotalPages()).isEqualTo((expected.size() + 2) / 3);
            page.forEach(book -> walked.add(book.getTitle()));
            request = page.nextPageable();
        } while (page.hasNext());
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @Test
    void findAllPagedAndSortedOnTwoProperties() {
        Sort sort = Sort.by(Sort.Order.desc("pages"), Sort.Order.asc("title"));
        Page<Book> second = books.findAll(PageRequest.of(1, 4, sort));
        assertThat(second.getNumber()).isEqualTo(1);
        assertThat(second.getTotalElements()).isEqualTo(BOOKS.size());
        assertThat(second.map(Book::getTitle).getContent()).containsExactlyElementsOf(BOOKS.stream()
                .sorted(Comparator.comparingInt(Seed::pages).reversed().thenComparing(Seed::title))
                .skip(4).limit(4).map(Seed::title).toList());
    }

    @Test
    void sliceKnowsWhetherMoreFollowsWithoutCounting() {
        List<String> expected = where(s -> s.pages() > 250)
                .sorted(Comparator.comparingInt(Seed::pages).thenComparing(Seed::title)).map(Seed::title).toList();
        Sort sort = Sort.by("pages", "title");
        Slice<Book> first = books.findByPagesGreaterThan(250, PageRequest.of(0, 5, sort));
        assertThat(first.hasNext()).isEqualTo(expected.size() > 5);
        Slice<Book> last = books.findByPagesGreaterThan(250, PageRequest.of(expected.size() / 5, 5, sort));
        assertThat(last.hasNext()).isFalse();
        List<String> walked = new ArrayList<>(first.map(Book::getTitle).getContent());
        if (first.hasNext()) {
            walked.addAll(books.findByPagesGreaterThan(250, first.nextPageable()).map(Book::getTitle).getContent());
        }
        assertThat(walked).containsExactlyElementsOf(expected.subList(0, Math.min(10, expected.size())));
    }

    @Test
    void sortByAParameterWithTwoDirections() {
        // no explicit null handling: Spring Data JPA 3.5 cannot apply it to criteria queries; NULLs sort first ascending
        Sort sort = Sort.by(Sort.Order.asc("genre"), Sort.Order.desc("price"));
        List<String> titles = books.findByAuthorName("Iain M. Banks", sort).stream().map(Book::getTitle).toList();
        Comparator<Seed> byGenre = Comparator.comparing(Seed::genre, Comparator.nullsFirst(Comparator.naturalOrder()));
        assertThat(titles).containsExactlyElementsOf(where(s -> s.author().equals("Iain M. Banks"))
                .sorted(byGenre.thenComparing(Seed::price, Comparator.reverseOrder())).map(Seed::title).toList());
    }
}
