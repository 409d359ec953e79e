package dev.lightningdb.sql.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Deep copies of Calcite parse trees. Validation rewrites nodes in place and keeps facts per node,
 * so an expression that must appear twice in one query (a condition repeated, a window reused) is
 * copied, never shared. A parameter keeps its index: both copies read the same value.
 */
public final class SqlTrees {
    private SqlTrees() {
    }

    @SuppressWarnings("unchecked")
    public static <T extends SqlNode> T copy(T node) {
        return node == null ? null : (T) node.accept(DeepCopy.INSTANCE);
    }

    private static final class DeepCopy extends SqlShuttle {
        static final DeepCopy INSTANCE = new DeepCopy();

        @Override
        public SqlNode visit(SqlIdentifier id) {
            return id.clone(id.getParserPosition());
        }

        @Override
        public SqlNode visit(SqlDynamicParam param) {
            return new SqlDynamicParam(param.getIndex(), param.getParserPosition());
        }

        @Override
        public SqlNode visit(SqlNodeList list) {
            SqlNodeList out = new SqlNodeList(list.getParserPosition());
            for (SqlNode node : list) {
                out.add(node == null ? null : node.accept(this));
            }
            return out;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            CallCopyingArgHandler handler = new CallCopyingArgHandler(call, true);
            call.getOperator().acceptCall(this, call, false, handler);
            return handler.result();
        }
    }
}
