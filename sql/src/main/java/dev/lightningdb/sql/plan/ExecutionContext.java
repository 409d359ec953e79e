package dev.lightningdb.sql.plan;

import dev.lightningdb.engine.Transaction;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * What a compiled plan sees while it runs: the transaction to read through, the parameter values
 * (internal representation, by {@code "?n"}), the statement's clock and its cancel flag.
 * One per execution.
 */
public final class ExecutionContext implements DataContext {
    private final Supplier<SchemaPlus> rootSchema;
    private SchemaPlus resolvedRootSchema;
    private final JavaTypeFactory typeFactory;
    private final Transaction transaction;
    private final Object[] parameters;
    private final AtomicBoolean cancelFlag;
    private final long utcMillis = System.currentTimeMillis();
    private final TimeZone timeZone = TimeZone.getDefault();
    private Map<String, Object> internals = Map.of();
    private IntConsumer tableReads = id -> { };

    /** @param rootSchema made only if asked for: compiled plans read their tables from stashed objects */
    public ExecutionContext(Supplier<SchemaPlus> rootSchema, JavaTypeFactory typeFactory, Transaction transaction, Object[] parameters,
                            AtomicBoolean cancelFlag) {
        this.rootSchema = rootSchema;
        this.typeFactory = typeFactory;
        this.transaction = transaction;
        this.parameters = parameters;
        this.cancelFlag = cancelFlag;
    }

    /** Objects the compiled plan stashed at compile time and reads back by name. */
    void bindInternals(Map<String, Object> values) {
        this.internals = values;
    }

    public Transaction transaction() {
        return transaction;
    }

    /** Has each table this execution opens a scan of reported to {@code reads}, by id; returns this. */
    public ExecutionContext readsInto(IntConsumer reads) {
        this.tableReads = reads;
        return this;
    }

    /** Called as a scan of table {@code tableId} opens. */
    public void reading(int tableId) {
        tableReads.accept(tableId);
    }

    /** The value of parameter {@code index} (0-based), internal representation. */
    public Object parameter(int index) {
        return parameters[index];
    }

    public boolean isCancelled() {
        return cancelFlag.get();
    }

    @Override
    public SchemaPlus getRootSchema() {
        if (resolvedRootSchema == null) {
            resolvedRootSchema = rootSchema.get();
        }
        return resolvedRootSchema;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return typeFactory;
    }

    @Override
    public QueryProvider getQueryProvider() {
        return null; // no Queryable tables
    }

    @Override
    public Object get(String name) {
        if (name.startsWith("?")) {
            try {
                return parameters[Integer.parseInt(name.substring(1))];
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                return null;
            }
        }
        Object internal = internals.get(name);
        if (internal != null) {
            return internal;
        }
        if (Variable.CANCEL_FLAG.camelName.equals(name)) {
            return cancelFlag;
        }
        if (Variable.UTC_TIMESTAMP.camelName.equals(name) || Variable.SYS_TIMESTAMP.camelName.equals(name)) {
            return utcMillis;
        }
        if (Variable.CURRENT_TIMESTAMP.camelName.equals(name) || Variable.LOCAL_TIMESTAMP.camelName.equals(name)) {
            return utcMillis + timeZone.getOffset(utcMillis);
        }
        if (Variable.TIME_ZONE.camelName.equals(name)) {
            return timeZone;
        }
        if (Variable.USER.camelName.equals(name) || Variable.SYSTEM_USER.camelName.equals(name)) {
            return "SA";
        }
        return null;
    }

    /** The statement's local date-time, the same for every call within one execution. */
    public LocalDateTime localNow() {
        long local = utcMillis + timeZone.getOffset(utcMillis);
        return LocalDateTime.ofEpochSecond(Math.floorDiv(local, 1000), (int) Math.floorMod(local, 1000) * 1_000_000, ZoneOffset.UTC);
    }
}
