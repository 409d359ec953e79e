package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.catalog.RowId;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SelectScope;
import org.apache.calcite.sql.validate.SqlValidatorNamespace;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.SqlValidatorTable;

/**
 * Which columns {@code *} leaves out: the hidden row id of a table without a primary key
 * ({@link RowId}). Calcite sees the id as an ordinary column of the table (so {@code SELECT _ROWID_}
 * and {@code WHERE _ROWID_ = ?} resolve and reach the key), and expands {@code *} and {@code t.*}
 * into one qualified identifier per column; the validator drops those that name the id of a
 * table scanned directly. A derived table's column of that name is an ordinary column and stays.
 */
final class HiddenColumns {
    private HiddenColumns() {
    }

    /** Whether {@code expanded}, one column of a star's expansion in {@code scope}, is a hidden row id. */
    static boolean isHidden(SqlNode expanded, SelectScope scope) {
        if (!(expanded instanceof SqlIdentifier id) || id.names.size() < 2 || !RowId.NAME.equals(id.names.get(id.names.size() - 1))) {
            return false;
        }
        SqlValidatorScope.ResolvedImpl resolved = new SqlValidatorScope.ResolvedImpl();
        List<String> qualifier = id.names.subList(0, id.names.size() - 1);
        scope.resolve(qualifier, scope.getValidator().getCatalogReader().nameMatcher(), false, resolved);
        if (resolved.count() != 1) {
            return false;
        }
        SqlValidatorNamespace namespace = resolved.only().namespace;
        SqlValidatorTable table = namespace.getTable();
        LightningTable lightning = table == null ? null : table.unwrap(LightningTable.class);
        return lightning != null && lightning.definition().hasRowId();
    }
}
