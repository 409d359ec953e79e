package dev.lightningdb.tck.jooq;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.Identity;
import org.jooq.TableField;
import org.jooq.UniqueKey;
import org.jooq.impl.CustomRecord;
import org.jooq.impl.CustomTable;
import org.jooq.impl.DSL;
import org.jooq.impl.Internal;
import org.jooq.impl.SQLDataType;

/**
 * The table {@code book} written by hand, the way a jOOQ user without the code generator does it
 * (jOOQ's {@link CustomTable}): typed fields, the identity and the primary key, so that records can be
 * stored and batch-inserted. Its DDL is made by jOOQ from these fields.
 */
final class BookTable extends CustomTable<BookTable.BookRecord> {
    static final BookTable BOOK = new BookTable();

    final TableField<BookRecord, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false).identity(true));
    final TableField<BookRecord, Long> AUTHOR_ID = createField(DSL.name("author_id"), SQLDataType.BIGINT.nullable(false));
    final TableField<BookRecord, String> TITLE = createField(DSL.name("title"), SQLDataType.VARCHAR(100).nullable(false));
    final TableField<BookRecord, BigDecimal> PRICE = createField(DSL.name("price"), SQLDataType.DECIMAL(8, 2));
    final TableField<BookRecord, LocalDate> PUBLISHED = createField(DSL.name("published"), SQLDataType.LOCALDATE);
    final TableField<BookRecord, Boolean> IN_PRINT = createField(DSL.name("in_print"), SQLDataType.BOOLEAN.nullable(false));

    private BookTable() {
        super(DSL.name("book"));
    }

    @Override
    public Class<BookRecord> getRecordType() {
        return BookRecord.class;
    }

    @Override
    public Identity<BookRecord, Long> getIdentity() {
        return Internal.createIdentity(this, ID);
    }

    @Override
    public UniqueKey<BookRecord> getPrimaryKey() {
        return Internal.createUniqueKey(this, DSL.name("pk_book"), ID);
    }

    /** A row of {@link BookTable}; jOOQ makes it reflectively, hence the public no-argument constructor. */
    public static final class BookRecord extends CustomRecord<BookRecord> {
        public BookRecord() {
            super(BOOK);
        }
    }
}
