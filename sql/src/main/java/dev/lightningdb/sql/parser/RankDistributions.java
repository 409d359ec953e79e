package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.ast.SqlTrees;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PERCENT_RANK and CUME_DIST written with RANK and COUNT: Calcite validates both but its
 * Enumerable runtime cannot compute them. The definitions are the standard's:
 * PERCENT_RANK = (rank - 1) / (rows in the partition - 1), 0 for a partition of one row;
 * CUME_DIST = (rows up to and including the row's last peer) / (rows in the partition).
 */
final class RankDistributions {
    private RankDistributions() {
    }

    static SqlNode percentRank(SqlNode window, SqlParserPos p) {
        SqlNode rank = SqlStdOperatorTable.OVER.createCall(p, SqlStdOperatorTable.RANK.createCall(p), SqlTrees.copy(window));
        SqlNode rankBelow = SqlStdOperatorTable.MINUS.createCall(p, rank, SqlLiteral.createExactNumeric("1", p));
        SqlNode othersInPartition = SqlStdOperatorTable.MINUS.createCall(p, count(window, false, p), SqlLiteral.createExactNumeric("1", p));
        SqlNode single = SqlStdOperatorTable.EQUALS.createCall(p, count(window, false, p), SqlLiteral.createExactNumeric("1", p));
        SqlNode ratio = SqlStdOperatorTable.DIVIDE.createCall(p, toDouble(rankBelow, p), othersInPartition);
        return new SqlCase(p, null, SqlNodeList.of(single), SqlNodeList.of(toDouble(SqlLiteral.createExactNumeric("0", p), p)), ratio);
    }

    static SqlNode cumeDist(SqlNode window, SqlParserPos p) {
        return SqlStdOperatorTable.DIVIDE.createCall(p, toDouble(count(window, true, p), p), count(window, false, p));
    }

    /** COUNT(*) over the window's partition: up to the current row's last peer, or all of it. */
    private static SqlNode count(SqlNode window, boolean toLastPeer, SqlParserPos p) {
        SqlNode frame = toLastPeer ? SqlWindow.createCurrentRow(p) : SqlWindow.createUnboundedFollowing(p);
        SqlWindow w;
        if (window instanceof SqlWindow spec) {
            w = SqlTrees.copy(spec);
            w.setRows(SqlLiteral.createBoolean(!toLastPeer, p));
            w.setLowerBound(SqlWindow.createUnboundedPreceding(p));
            w.setUpperBound(frame);
        } else {
            w = SqlWindow.create(null, SqlTrees.copy((SqlIdentifier) window), SqlNodeList.EMPTY, SqlNodeList.EMPTY,
                    SqlLiteral.createBoolean(!toLastPeer, p), SqlWindow.createUnboundedPreceding(p), frame,
                    SqlLiteral.createBoolean(true, p), p);
        }
        return SqlStdOperatorTable.OVER.createCall(p, SqlStdOperatorTable.COUNT.createCall(p, SqlIdentifier.star(p)), w);
    }

    private static SqlNode toDouble(SqlNode value, SqlParserPos p) {
        return SqlStdOperatorTable.CAST.createCall(p, value, new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, p), p));
    }
}
