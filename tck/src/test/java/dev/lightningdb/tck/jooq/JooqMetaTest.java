package dev.lightningdb.tck.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Index;
import org.jooq.Meta;
import org.jooq.Schema;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * {@code DSL.using(connection).meta()}: jOOQ's view of a live schema, read through
 * {@link java.sql.DatabaseMetaData} (jOOQ picks {@code SQLDialect.DEFAULT} itself for a URL it does
 * not know). Tables, columns with their types and nullability, primary, unique and foreign keys and
 * indexes must read back as the DDL made them, and as jOOQ reads them from H2.
 */
class JooqMetaTest extends LibraryTest {
    @Test
    void metaReadsTheSchemaJooqCreated() {
        Meta meta = DSL.using(dbs.lightningConnection()).meta();
        Schema schema = meta.getSchemas().stream().filter(s -> s.getName().equals("PUBLIC")).findFirst().orElseThrow();
        assertThat(schema.getTables()).extracting(Table::getName).contains("author", "book");

        Table<?> book = schema.getTable("book");
        assertThat(book.fields()).extracting(Field::getName)
                .containsExactly("id", "author_id", "title", "price", "published", "in_print");
        assertThat(book.field("title").getDataType().length()).isEqualTo(100);
        assertThat(book.field("title").getDataType().nullable()).isFalse();
        assertThat(book.field("price").getDataType().precision()).isEqualTo(8);
        assertThat(book.field("price").getDataType().scale()).isEqualTo(2);
        assertThat(book.getPrimaryKey().getFields()).extracting(Field::getName).containsExactly("id");

        ForeignKey<?, ?> reference = book.getReferences().get(0);
        assertThat(reference.getFields()).extracting(Field::getName).containsExactly("author_id");
        assertThat(reference.getKey().getTable().getName()).isEqualTo("author");

        // jOOQ reads unique constraints only for dialects it knows; here they show as unique indexes
        Table<?> author = schema.getTable("author");
        assertThat(author.getIndexes()).filteredOn(Index::getUnique).flatExtracting(Index::getFields)
                .extracting(SortField::getName).contains("name");
        assertThat(book.getIndexes()).filteredOn(i -> i.getName().equals("ix_book_author")).singleElement()
                .satisfies(i -> assertThat(i.getFields()).extracting(SortField::getName).containsExactly("author_id", "published"));
    }

    @Test
    void metaAgreesWithH2OnEveryColumnAndIndex() throws SQLException {
        assertThat(describe(dbs.lightningConnection())).isEqualTo(describe(dbs.h2Connection()));
    }

    /** Every column of the two tables with its type and nullability, and every index with its columns. */
    private static Map<String, String> describe(Connection connection) {
        Map<String, String> seen = new TreeMap<>();
        Schema schema = DSL.using(connection).meta().getSchemas().stream()
                .filter(s -> s.getName().equals("PUBLIC")).findFirst().orElseThrow();
        for (String name : List.of("author", "book")) {
            Table<?> table = schema.getTable(name);
            for (Field<?> field : table.fields()) {
                seen.put(name + "." + field.getName(), type(field.getDataType()));
            }
            for (Index index : table.getIndexes()) {
                if (index.getName().startsWith("ix_")) {
                    seen.put(name + " index " + index.getName(), index.getFields().stream()
                            .map(SortField::getName).collect(Collectors.joining(",")) + " unique=" + index.getUnique());
                }
            }
        }
        return seen;
    }

    /** The Java type jOOQ maps the column to, with the sizes that matter for it (H2 counts integer precision in bits). */
    private static String type(DataType<?> type) {
        String size = type.getType() == String.class ? "(" + type.length() + ")"
                : type.getType() == BigDecimal.class ? "(" + type.precision() + "," + type.scale() + ")" : "";
        return type.getType().getSimpleName() + size + (type.nullable() ? " NULL" : " NOT NULL");
    }
}
