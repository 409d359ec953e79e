package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.ast.QualifiedName;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code NEXT VALUE FOR seq}, parsed as a parameter that the executor fills with the sequence's next
 * value at each execution (the application does not see it among the statement's parameters).
 * Inside one execution each occurrence gets one value: a query over many rows shares it.
 */
public final class SequenceParam extends SqlDynamicParam {
    private final QualifiedName sequence;

    SequenceParam(int index, QualifiedName sequence, SqlParserPos pos) {
        super(index, pos);
        this.sequence = sequence;
    }

    public QualifiedName sequence() {
        return sequence;
    }

    /** The expression {@code NEXT VALUE FOR sequence} becomes: parameter {@code index} as a BIGINT. */
    static SqlNode call(int index, QualifiedName sequence, SqlParserPos pos) {
        return SqlStdOperatorTable.CAST.createCall(pos, new SequenceParam(index, sequence, pos),
                new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, pos), pos));
    }

    @Override
    public SqlNode clone(SqlParserPos pos) {
        return new SequenceParam(getIndex(), sequence, pos);
    }

    /** The sequence parameters found in {@code nodes}, by parameter index. */
    public static Map<Integer, QualifiedName> find(Iterable<? extends SqlNode> nodes) {
        Map<Integer, QualifiedName> out = new TreeMap<>();
        SqlShuttle finder = new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                if (param instanceof SequenceParam s) {
                    out.put(s.getIndex(), s.sequence());
                }
                return param;
            }

            @Override
            public SqlNode visit(SqlNodeList list) {
                for (SqlNode n : list) {
                    if (n != null) {
                        n.accept(this);
                    }
                }
                return list;
            }
        };
        for (SqlNode n : nodes) {
            if (n != null) {
                n.accept(finder);
            }
        }
        return out;
    }
}
