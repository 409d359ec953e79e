package dev.lightningdb.tck.mybatis;

import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.RowBounds;

/** The mapper whose SQL lives in {@code mybatis/LibraryMapper.xml}: dynamic SQL and result maps. */
public interface LibraryMapper {
    int insertAuthor(Author author);

    int insertBook(Book book);

    /** One INSERT with a VALUES row per book ({@code <foreach>}); every book gets its generated id. */
    int insertBooks(@Param("books") List<Book> books);

    int insertReview(Review review);

    Book findBook(long id);

    List<Book> findBooks(BookFilter filter);

    List<Book> findBooksWithAuthors();

    Author findAuthorWithBooks(long id);

    List<Book> allBooks(RowBounds page);

    List<Book> allBooksScrollable(RowBounds page);

    /** Rows one at a time, as the application iterates; open only inside its session. */
    Cursor<Book> streamBooks();

    List<Book> booksPage(@Param("limit") int limit, @Param("offset") int offset);

    /** Sets only the columns whose argument is not null ({@code <set>}). */
    int updateBook(@Param("id") long id, @Param("title") String title, @Param("price") BigDecimal price,
            @Param("genre") Genre genre);

    int deleteBooksOf(long authorId);

    long countBooks();
}
