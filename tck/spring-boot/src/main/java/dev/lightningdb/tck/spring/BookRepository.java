package dev.lightningdb.tck.spring;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** The queries a Spring Data application writes every day, each in its most usual form. */
public interface BookRepository extends JpaRepository<Book, Long>, JpaSpecificationExecutor<Book> {

    // ---------------------------------------------------------------- derived queries

    List<Book> findByTitleContainingIgnoreCase(String part);

    List<Book> findByTitleStartingWith(String prefix);

    List<Book> findByGenreIgnoreCase(String genre);

    List<Book> findByPagesBetween(int min, int max);

    List<Book> findByPriceLessThanEqualOrderByPriceAscTitleAsc(BigDecimal max);

    List<Book> findByGenreIn(Collection<String> genres);

    List<Book> findByGenreIsNull();

    List<Book> findByAuthorNameOrderByPublishedDesc(String authorName);

    Optional<Book> findFirstByOrderByPagesDesc();

    List<Book> findTop3ByOrderByPriceAscTitleAsc();

    Optional<Book> findByIsbn(String isbn);

    boolean existsByIsbn(String isbn);

    long countByGenre(String genre);

    @Transactional
    long deleteByGenre(String genre);

    // ---------------------------------------------------------------- paging and sorting

    Page<Book> findByGenre(String genre, Pageable pageable);

    Slice<Book> findByPagesGreaterThan(int pages, Pageable pageable);

    List<Book> findByAuthorName(String authorName, Sort sort);

    // ---------------------------------------------------------------- JPQL and native queries

    @Query("select b from Book b where b.author.name = :author and b.price < :max order by b.title")
    List<Book> cheaperBooksOf(@Param("author") String author, @Param("max") BigDecimal max);

    @Query("select b from Book b where lower(b.title) like lower(concat('%', :word, '%')) order by b.title")
    List<Book> searchTitles(@Param("word") String word);

    @Query(value = "SELECT * FROM book WHERE pages > :pages ORDER BY pages DESC", nativeQuery = true)
    List<Book> thickerThanNative(@Param("pages") int pages);

    @Query(value = "SELECT genre AS genre, COUNT(*) AS books FROM book WHERE genre IS NOT NULL GROUP BY genre ORDER BY genre",
            nativeQuery = true)
    List<GenreCount> countByGenreNative();

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Transactional
    @Query("update Book b set b.price = b.price * :factor where b.genre = :genre")
    int reprice(@Param("genre") String genre, @Param("factor") BigDecimal factor);

    // ---------------------------------------------------------------- projections

    List<BookTitle> findTitlesByGenreOrderByTitle(String genre);

    @Query("select new dev.lightningdb.tck.spring.BookSummary(b.title, a.name, b.price)"
            + " from Book b join b.author a where b.price >= :min order by b.price desc, b.title")
    List<BookSummary> summariesCostingAtLeast(@Param("min") BigDecimal min);

    // ---------------------------------------------------------------- fetching and locking

    @EntityGraph(attributePaths = "author")
    List<Book> findWithAuthorByGenreOrderByTitle(String genre);

    /** {@code select ... for update}: waits for the row's lock up to the database's lock timeout. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Book> findForUpdateByIsbn(String isbn);

    /** {@code select ... for share}: other transactions may share the lock, not take it for update. */
    @Lock(LockModeType.PESSIMISTIC_READ)
    Optional<Book> findSharedByIsbn(String isbn);

    /** {@code select ... for update nowait}: a lock timeout of 0 fails at once when the row is locked. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "0"))
    Optional<Book> findForUpdateNowaitByIsbn(String isbn);
}
