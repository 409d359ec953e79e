package dev.lightningdb.tck.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.tck.mybatis.MyBatisDatabase.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MyBatis 3.5 mappers (XML and annotations) on LightningDB, each case run on H2 too with the same
 * expectations: generated keys (one row, a multi-row VALUES, a JDBC batch), a sequence through
 * {@code <selectKey>}, dynamic SQL, result maps with an association and a collection, the type handlers
 * of the usual column types, and paging with RowBounds and with LIMIT/OFFSET parameters.
 */
class MyBatisMapperTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void generatedKeysReachTheObjects(Kind kind) throws SQLException {
        withMapper(kind, (session, mapper) -> {
            Author author = new Author("Ursula Le Guin", LocalDate.of(1929, 10, 21));
            assertThat(mapper.insertAuthor(author)).isEqualTo(1);
            assertThat(author.getId()).isNotNull();

            Book one = book(author, "A Wizard of Earthsea", Genre.NOVEL, "9.99");
            mapper.insertBook(one);
            List<Book> several = List.of(book(author, "The Lathe of Heaven", Genre.SCIENCE_FICTION, "8.50"),
                    book(author, "Wild Angels", Genre.POETRY, null));
            assertThat(mapper.insertBooks(several)).isEqualTo(2);
            session.commit();

            assertThat(several).extracting(Book::getId).doesNotContainNull().doesNotContain(one.getId()).doesNotHaveDuplicates();
            for (Book book : several) {
                assertThat(mapper.findBook(book.getId()).getTitle()).isEqualTo(book.getTitle());
            }
            Review review = new Review(one.getId(), 5);
            mapper.insertReview(review);
            assertThat(review.getId()).as("the sequence starts at 100").isEqualTo(100L);
            session.commit();
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBatchSessionSetsTheKeyOfEveryBatchedRow(Kind kind) throws SQLException {
        try (MyBatisDatabase db = new MyBatisDatabase(kind)) {
            Author author = new Author("Stanisław Lem", LocalDate.of(1921, 9, 12));
            List<Book> books = List.of(book(author, "Solaris", Genre.SCIENCE_FICTION, "11.00"),
                    book(author, "The Cyberiad", Genre.SCIENCE_FICTION, "10.00"),
                    book(author, "Highcastle", Genre.ESSAY, "7.25"));
            try (SqlSession batch = db.factory.openSession(ExecutorType.BATCH)) {
                LibraryMapper mapper = batch.getMapper(LibraryMapper.class);
                mapper.insertAuthor(author);
                batch.flushStatements();
                books.forEach(b -> b.setAuthorId(author.getId()));
                books.forEach(mapper::insertBook);
                assertThat(batch.flushStatements()).hasSize(1);
                batch.commit();
            }
            assertThat(books).extracting(Book::getId).doesNotContainNull().doesNotHaveDuplicates();
            try (SqlSession session = db.factory.openSession()) {
                LibraryMapper mapper = session.getMapper(LibraryMapper.class);
                assertThat(books).allSatisfy(b -> assertThat(mapper.findBook(b.getId()).getTitle()).isEqualTo(b.getTitle()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void typeHandlersRoundTripEveryColumnType(Kind kind) throws SQLException {
        withMapper(kind, (session, mapper) -> {
            Author author = new Author("Italo Calvino", LocalDate.of(1923, 10, 15));
            mapper.insertAuthor(author);
            Book book = book(author, "Invisible Cities", Genre.NOVEL, "13.75");
            Date added = Date.from(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_000_000).atZone(ZoneId.systemDefault()).toInstant());
            book.setAdded(added);
            book.setInPrint(false);
            mapper.insertBook(book);

            Book read = mapper.findBook(book.getId());
            assertThat(read.getPrice()).isEqualTo(new BigDecimal("13.75"));
            assertThat(read.isInPrint()).isFalse();
            assertThat(read.getGenre()).isEqualTo(Genre.NOVEL);
            assertThat(read.getPublished()).isEqualTo(book.getPublished());
            assertThat(read.getAdded()).isEqualTo(added);
            assertThat(read.getAuthorId()).isEqualTo(author.getId());
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dynamicSqlDropsTheConditionsLeftOut(Kind kind) throws SQLException {
        onShelf(kind, (mapper, shelf) -> {
            assertThat(mapper.findBooks(new BookFilter())).hasSize(shelf.books().size());
            assertThat(mapper.findBooks(new BookFilter().titleContains("THE"))).extracting(Book::getTitle)
                    .containsExactly("The Cyberiad", "The Dispossessed", "The Left Hand of Darkness");
            assertThat(mapper.findBooks(new BookFilter().genre(Genre.SCIENCE_FICTION).maxPrice("12.00").order("price")))
                    .extracting(Book::getTitle).containsExactly("Solaris", "The Cyberiad");
            assertThat(mapper.findBooks(new BookFilter().authorIds(List.of(shelf.lem().getId(), shelf.calvino().getId()))
                    .inPrint(true).order("published"))).extracting(Book::getTitle)
                    .as("NULLs sort first").containsExactly("His Master's Voice", "Solaris", "Invisible Cities", "If on a Winter's Night a Traveler");
            assertThat(mapper.findBooks(new BookFilter().order("price").limit(2))).extracting(Book::getTitle)
                    .containsExactly("If on a Winter's Night a Traveler", "The Dispossessed");
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void resultMapsBuildAssociationsAndCollections(Kind kind) throws SQLException {
        onShelf(kind, (mapper, shelf) -> {
            Author leGuin = mapper.findAuthorWithBooks(shelf.leGuin().getId());
            assertThat(leGuin.getName()).isEqualTo("Ursula Le Guin");
            assertThat(leGuin.getBorn()).isEqualTo(shelf.leGuin().getBorn());
            assertThat(leGuin.getBooks()).extracting(Book::getTitle)
                    .containsExactly("A Wizard of Earthsea", "The Dispossessed", "The Left Hand of Darkness");
            assertThat(leGuin.getBooks()).allSatisfy(b -> assertThat(b.getAuthorId()).isEqualTo(leGuin.getId()));

            List<Book> books = mapper.findBooksWithAuthors();
            assertThat(books).hasSize(shelf.books().size());
            assertThat(books).allSatisfy(b -> assertThat(b.getAuthor().getId()).isEqualTo(b.getAuthorId()));
            assertThat(books).filteredOn(b -> b.getTitle().equals("Solaris")).singleElement()
                    .extracting(b -> b.getAuthor().getName()).isEqualTo("Stanisław Lem");
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rowBoundsLimitOffsetAndCursorsAgree(Kind kind) throws SQLException {
        onShelf(kind, (mapper, shelf) -> {
            for (int offset = 0; offset < 10; offset += 3) {
                List<String> bounded = titles(mapper.allBooks(new RowBounds(offset, 3)));
                assertThat(titles(mapper.booksPage(3, offset))).as("offset %d", offset).isEqualTo(bounded);
                assertThat(titles(mapper.allBooksScrollable(new RowBounds(offset, 3)))).as("offset %d", offset).isEqualTo(bounded);
            }
            assertThat(titles(mapper.allBooks(new RowBounds(6, 3)))).hasSize(2);
            List<String> streamed = new ArrayList<>();
            try (Cursor<Book> cursor = mapper.streamBooks()) {
                cursor.forEach(b -> streamed.add(b.getTitle()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(streamed).isEqualTo(titles(mapper.allBooks(RowBounds.DEFAULT)));
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void updatesSetOnlyWhatIsGivenAndDeletesCount(Kind kind) throws SQLException {
        onShelf(kind, (mapper, shelf) -> {
            Book solaris = shelf.book("Solaris");

            assertThat(mapper.updateBook(solaris.getId(), null, new BigDecimal("12.00"), null)).isEqualTo(1);
            Book read = mapper.findBook(solaris.getId());
            assertThat(read.getPrice()).isEqualTo(new BigDecimal("12.00"));
            assertThat(read.getTitle()).isEqualTo("Solaris");
            assertThat(read.getGenre()).isEqualTo(Genre.SCIENCE_FICTION);
            mapper.updateBook(solaris.getId(), "Solaris (1961)", null, Genre.NOVEL);
            assertThat(mapper.findBook(solaris.getId()).getGenre()).isEqualTo(Genre.NOVEL);

            assertThat(mapper.deleteBooksOf(shelf.lem().getId())).isEqualTo(3);
            assertThat(mapper.countBooks()).isEqualTo(shelf.books().size() - 3L);
        });
    }

    /** What a test does with a mapper in an open session. */
    interface MapperWork {
        void run(SqlSession session, LibraryMapper mapper);
    }

    /** What a test does with a mapper on a filled {@link Shelf}. */
    interface ShelfWork {
        void run(LibraryMapper mapper, Shelf shelf);
    }

    private static void withMapper(Kind kind, MapperWork work) throws SQLException {
        try (MyBatisDatabase db = new MyBatisDatabase(kind); SqlSession session = db.factory.openSession()) {
            work.run(session, session.getMapper(LibraryMapper.class));
        }
    }

    private static void onShelf(Kind kind, ShelfWork work) throws SQLException {
        withMapper(kind, (session, mapper) -> work.run(mapper, Shelf.fill(mapper)));
    }

    private static List<String> titles(List<Book> books) {
        return books.stream().map(Book::getTitle).toList();
    }

    static Book book(Author author, String title, Genre genre, String price) {
        return new Book(author.getId(), title, genre, price == null ? null : new BigDecimal(price), true, LocalDate.of(1970, 1, 1));
    }
}
