package dev.lightningdb.tck.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.tck.mybatis.MyBatisDatabase.Kind;
import java.sql.SQLException;
import java.time.LocalDate;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Transactions as MyBatis runs them through a {@link SqlSession} (auto-commit off, JDBC transaction
 * manager), and the annotation mapper. Each case runs on LightningDB and on H2.
 */
class MyBatisSessionTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSessionCommitsAndRollsBack(Kind kind) throws SQLException {
        try (MyBatisDatabase db = new MyBatisDatabase(kind)) {
            try (SqlSession session = db.factory.openSession()) {
                AuthorMapper mapper = session.getMapper(AuthorMapper.class);
                mapper.insert(new Author("rolled back", null));
                session.rollback();
                mapper.insert(new Author("committed", null));
                session.commit();
                mapper.insert(new Author("never committed", null));
                // closing a session with uncommitted changes rolls them back
            }
            try (SqlSession session = db.factory.openSession()) {
                assertThat(session.getMapper(AuthorMapper.class).findByPrefix(null)).extracting(Author::getName)
                        .containsExactly("committed");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailedStatementLeavesTheSessionUsable(Kind kind) throws SQLException {
        try (MyBatisDatabase db = new MyBatisDatabase(kind); SqlSession session = db.factory.openSession()) {
            AuthorMapper mapper = session.getMapper(AuthorMapper.class);
            mapper.insert(new Author("Borges", null));
            session.commit();
            assertThatThrownBy(() -> mapper.insert(new Author("Borges", null)))
                    .isInstanceOf(PersistenceException.class)
                    .cause().isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
            session.rollback();
            mapper.insert(new Author("Cortázar", null));
            session.commit();
            assertThat(mapper.findByPrefix(null)).extracting(Author::getName).containsExactly("Borges", "Cortázar");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theAnnotationMapperReadsAndWrites(Kind kind) throws SQLException {
        try (MyBatisDatabase db = new MyBatisDatabase(kind); SqlSession session = db.factory.openSession(true)) {
            AuthorMapper mapper = session.getMapper(AuthorMapper.class);
            Author woolf = new Author("Virginia Woolf", LocalDate.of(1882, 1, 25));
            Author wells = new Author("H. G. Wells", LocalDate.of(1866, 9, 21));
            mapper.insert(woolf);
            mapper.insert(wells);
            assertThat(woolf.getId()).isNotNull().isNotEqualTo(wells.getId());

            assertThat(mapper.setActive(wells.getId(), false)).isEqualTo(1);
            Author read = mapper.find(wells.getId());
            assertThat(read.getName()).isEqualTo("H. G. Wells");
            assertThat(read.getBorn()).isEqualTo(LocalDate.of(1866, 9, 21));
            assertThat(read.isActive()).isFalse();
            assertThat(mapper.find(woolf.getId()).isActive()).isTrue();

            assertThat(mapper.findByPrefix("V")).extracting(Author::getName).containsExactly("Virginia Woolf");
            assertThat(mapper.delete(woolf.getId())).isEqualTo(1);
            assertThat(mapper.find(woolf.getId())).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void concatAroundAParameterBuildsALikePattern(Kind kind) throws SQLException {
        try (MyBatisDatabase db = new MyBatisDatabase(kind); SqlSession session = db.factory.openSession(true)) {
            AuthorMapper mapper = session.getMapper(AuthorMapper.class);
            mapper.insert(new Author("H. G. Wells", null));
            mapper.insert(new Author("Virginia Woolf", null));
            assertThat(mapper.findByNameContaining("g. w")).extracting(Author::getName).containsExactly("H. G. Wells");
        }
    }
}
