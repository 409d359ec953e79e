package dev.lightningdb.tck.spring;

import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuthorRepository extends JpaRepository<Author, Long> {
    Optional<Author> findByName(String name);

    /** The author with the books loaded in the same query (a left join), usable outside the transaction. */
    @EntityGraph(attributePaths = "books")
    Optional<Author> findWithBooksByName(String name);
}
