package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.sql.catalog.CatalogKeys;
import dev.lightningdb.sql.catalog.SequenceDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.ByteReader;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.result.SqlError;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands out sequence and identity values. As in other databases, values are not transactional: a
 * rolled-back transaction does not give its values back, so there can be gaps, never duplicates.
 * Values are reserved {@value #BLOCK} at a time by writing the highest reserved value to the
 * sequence's counter key in a transaction of its own; after a crash numbering continues after the
 * reserved block. One instance per database; thread-safe.
 */
public final class Sequences {
    private static final int BLOCK = 32;

    private final LightningDb engine;
    private final Map<ByteBuffer, State> states = new HashMap<>();
    private final RowIds rowIds;

    private static final class State {
        final Object definition; // the SequenceDef or TableDef.Identity this state belongs to
        long last;
        boolean started;
        long reserved;

        State(Object definition) {
            this.definition = definition;
        }
    }

    Sequences(LightningDb engine) {
        this.engine = engine;
        this.rowIds = new RowIds(engine);
    }

    /** The allocator of hidden row ids (tables without a primary key). */
    RowIds rowIds() {
        return rowIds;
    }

    public long next(SequenceDef s) {
        return next(CatalogKeys.sequenceCounter(s.name()), s, s.start(), s.increment(), s.min(), s.max(), s.cycle(), s.name().toString());
    }

    long nextIdentity(TableDef table) {
        TableDef.Identity id = table.identity();
        return next(CatalogKeys.identityCounter(table.id()), id, id.start(), id.increment(), Long.MIN_VALUE, Long.MAX_VALUE, false,
                "identity of " + table.name());
    }

    /** Forgets the cached state of a dropped or re-created sequence. */
    synchronized void forget(byte[] counterKey) {
        states.remove(ByteBuffer.wrap(counterKey));
    }

    private synchronized long next(byte[] counterKey, Object definition, long start, long increment, long min, long max,
                                   boolean cycle, String what) {
        ByteBuffer k = ByteBuffer.wrap(counterKey);
        State s = states.get(k);
        if (s == null || s.definition != definition) {
            s = new State(definition);
            byte[] stored = engine.get(counterKey);
            if (stored != null) {
                s.last = new ByteReader(stored).readLongBE();
                s.started = true;
                s.reserved = s.last;
            }
            states.put(k, s);
        }
        long value;
        if (!s.started) {
            value = start;
        } else {
            try {
                value = Math.addExact(s.last, increment);
            } catch (ArithmeticException e) {
                value = increment > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
                if (!cycle) {
                    throw exhausted(what);
                }
            }
            if (value > max || value < min) {
                if (!cycle) {
                    throw exhausted(what);
                }
                value = increment > 0 ? min : max;
            }
        }
        boolean beyond = !s.started || (increment > 0 ? value > s.reserved : value < s.reserved) || (cycle && value == (increment > 0 ? min : max));
        if (beyond) {
            long reserve;
            try {
                reserve = Math.addExact(value, Math.multiplyExact(increment, (long) BLOCK));
            } catch (ArithmeticException e) {
                reserve = increment > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
            }
            engine.put(counterKey, new ByteWriter(8).writeLongBE(reserve).toByteArray());
            s.reserved = reserve;
        }
        s.last = value;
        s.started = true;
        return value;
    }

    private static SqlError exhausted(String what) {
        return new SqlError("2200H", "Sequence " + what + " has no more values");
    }
}
