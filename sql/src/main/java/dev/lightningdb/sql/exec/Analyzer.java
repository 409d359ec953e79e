package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.catalog.CatalogKeys;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.catalog.TableStats;
import dev.lightningdb.sql.storage.TableRows;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * {@code ANALYZE}: reads every row of a table and records its statistics in the catalog, in the
 * statement's transaction. Distinct values are counted exactly up to {@value #EXACT_DISTINCT}, then
 * extrapolated; histograms come from a reservoir sample of {@value #SAMPLE} values per column.
 */
final class Analyzer {
    private static final int EXACT_DISTINCT = 200_000;
    private static final int SAMPLE = 10_000;
    private static final int BUCKETS = 32;

    private Analyzer() {
    }

    static long analyze(StatementContext cx, Transaction txn, QualifiedName only) {
        List<TableDef> tables = new ArrayList<>();
        if (only != null) {
            tables.add(cx.catalog().require(only));
        } else {
            tables.addAll(cx.catalog().tables());
        }
        for (TableDef t : tables) {
            if (t.temporary() != null) {
                continue; // every session has rows of its own: none to measure for all, nothing to store
            }
            TableStats stats = measure(txn, t);
            txn.put(CatalogKeys.statistics(t.id()), stats.encode());
            cx.changes().statistics(t.id(), stats);
        }
        return 0;
    }

    private static TableStats measure(Transaction txn, TableDef table) {
        int n = table.columns().size();
        List<Set<ByteBuffer>> distinct = new ArrayList<>();
        List<List<byte[]>> samples = new ArrayList<>();
        long[] nulls = new long[n];
        long[] nonNull = new long[n];
        byte[][] min = new byte[n][];
        byte[][] max = new byte[n][];
        boolean[] overflow = new boolean[n];
        for (int i = 0; i < n; i++) {
            distinct.add(new HashSet<>());
            samples.add(new ArrayList<>());
        }
        Random random = new Random(table.id());
        TableRows rows = new TableRows(table);
        long count = 0;
        try (Cursor c = txn.scan(rows.all())) {
            while (c.next()) {
                Object[] row = rows.decode(c.key(), c.value());
                count++;
                for (int i = 0; i < n; i++) {
                    if (row[i] == null) {
                        nulls[i]++;
                        continue;
                    }
                    nonNull[i]++;
                    byte[] v = TableStats.encodeValue(row[i], table.types()[i]);
                    if (v == null) {
                        v = row[i].toString().getBytes(java.nio.charset.StandardCharsets.UTF_8); // counted, not ordered
                    } else {
                        min[i] = min[i] == null || Arrays.compareUnsigned(v, min[i]) < 0 ? v : min[i];
                        max[i] = max[i] == null || Arrays.compareUnsigned(v, max[i]) > 0 ? v : max[i];
                        List<byte[]> sample = samples.get(i);
                        if (sample.size() < SAMPLE) {
                            sample.add(v);
                        } else {
                            long slot = (long) (random.nextDouble() * nonNull[i]);
                            if (slot < SAMPLE) {
                                sample.set((int) slot, v);
                            }
                        }
                    }
                    if (!overflow[i]) {
                        distinct.get(i).add(ByteBuffer.wrap(v));
                        overflow[i] = distinct.get(i).size() >= EXACT_DISTINCT;
                    }
                }
            }
        }
        List<TableStats.ColumnStats> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long d = distinct.get(i).size();
            if (overflow[i]) {
                d = Math.max(d, (long) (nonNull[i] * (d / (double) Math.max(1, SAMPLE * 20L)))); // rough: mostly distinct
                d = Math.min(nonNull[i], Math.max(d, EXACT_DISTINCT));
            }
            List<byte[]> sample = samples.get(i);
            sample.sort(Arrays::compareUnsigned);
            List<byte[]> bounds = new ArrayList<>();
            for (int b = 1; b <= BUCKETS && !sample.isEmpty(); b++) {
                bounds.add(sample.get(Math.min(sample.size() - 1, (int) ((long) b * sample.size() / BUCKETS) - 1 < 0 ? 0
                        : (int) ((long) b * sample.size() / BUCKETS) - 1)));
            }
            columns.add(new TableStats.ColumnStats(d, nulls[i], min[i], max[i], bounds));
        }
        return new TableStats(count, columns);
    }
}
