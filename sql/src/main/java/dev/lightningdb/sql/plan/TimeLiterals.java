package dev.lightningdb.sql.plan;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Checks {@code CAST('...' AS TIME)} of a literal before validation: Calcite folds such a cast into a
 * TIME literal while converting, wrapping '12:60' around to 13:00, before {@link CheckedFunctions}
 * could put its check around the cast. The same check ({@link RuntimeChecks#timeText}) applies.
 */
final class TimeLiterals {
    private TimeLiterals() {
    }

    static void check(SqlNode query) {
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
                        && call.operand(0) instanceof SqlCharStringLiteral text
                        && call.operand(1) instanceof SqlDataTypeSpec type
                        && "TIME".equalsIgnoreCase(type.getTypeName().getSimple())) {
                    RuntimeChecks.timeText(text.getValueAs(String.class));
                }
                return super.visit(call);
            }
        });
    }
}
