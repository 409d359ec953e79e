package dev.lightningdb.sql.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.type.SameOperandTypeChecker;
import org.apache.calcite.sql.validate.SelectScope;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Calcite's validator, except that a {@code ?} whose type the context does not give has one anyway,
 * as in PostgreSQL and H2, instead of failing with "Illegal use of dynamic parameter":
 * {@code UPPER(?)}, {@code name || ?}, {@code SELECT ?}, {@code ? = ?}. Calcite's own inference comes
 * first ({@code col = ?}, {@code ? + 1}, {@code CAST(? AS INT)}); where it has none, the parameter
 * gets the type the operator's signature asks for at its position ({@link ParameterDefaults}), else
 * VARCHAR. Invariants:
 * <ol>
 *   <li>A parameter is typed before any call containing it has its type derived. Calcite infers top
 *       down, but an operator like LIKE derives its operands' types first ({@code UPPER(?) LIKE x},
 *       {@code salary + ? > ?}), and an operand still holding an untyped parameter would fail its own
 *       signature check. So parameters directly under an operator that infers nothing for them are
 *       typed as soon as Calcite's walk enters the expression ({@link #preType}), and an expression
 *       whose type is asked for before the walk reached it is walked first ({@link #deriveType}).
 *   <li>A parameter compared only with string literals is VARCHAR, not the literal's CHAR(n):
 *       {@code ? = 'x'} with 'yy' bound is false, not "value too long".
 *   <li>A parameter compared with a VARCHAR(n) or VARBINARY(n) ({@code name = ?}, LIKE, IN, BETWEEN)
 *       is VARCHAR or VARBINARY: a longer value compares unequal rather than failing. Elsewhere the
 *       length stays: it is part of the type of the expression ({@code COALESCE(?, name)}), or a CAST
 *       (DML's assignment to a column) checks it.
 *   <li>{@link #typedByDefault} tells the parameters typed here from those their context typed.
 * </ol>
 */
final class LightningValidator extends SqlValidatorImpl {
    /** IS [NOT] NULL would make its parameter VARCHAR(1024): a value is null or not whatever its length. */
    private static final Set<SqlKind> NULL_TESTS = EnumSet.of(SqlKind.IS_NULL, SqlKind.IS_NOT_NULL);
    /** Calls whose result does not take its type from their operands' (invariant 3). */
    private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN,
            SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.IS_DISTINCT_FROM,
            SqlKind.IS_NOT_DISTINCT_FROM, SqlKind.LIKE, SqlKind.SIMILAR, SqlKind.BETWEEN, SqlKind.IN, SqlKind.NOT_IN);

    /** Parameters typed ahead of Calcite's walk (invariants 1 and 2); it must not overwrite them. */
    private final Set<SqlDynamicParam> preTyped = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Parameters typed here, not by their context. */
    private final Set<SqlDynamicParam> defaulted = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The calls {@link #deriveType} has been asked for. */
    private final Set<SqlCall> derivedCalls = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The calls {@link #preType} has seen. */
    private final Set<SqlCall> preTypedCalls = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The calls whose operands Calcite's walk is typing, innermost first; empty between expressions. */
    private final Deque<SqlCall> callers = new ArrayDeque<>();
    private final ParameterDefaults defaults;

    LightningValidator(SqlOperatorTable operators, SqlValidatorCatalogReader reader, RelDataTypeFactory typeFactory, Config config) {
        super(operators, reader, typeFactory, config);
        this.defaults = new ParameterDefaults(typeFactory);
    }

    /** Whether {@code param} was typed by default rather than by its context. */
    boolean typedByDefault(SqlDynamicParam param) {
        return defaulted.contains(param);
    }

    @Override
    protected void inferUnknownTypes(RelDataType inferredType, SqlValidatorScope scope, SqlNode node) {
        preType(node); // once per call: nested validation (a subquery's) may start anywhere
        if (node instanceof SqlCall call) {
            callers.push(call);
        }
        try {
            if (node instanceof SqlDynamicParam param && preTyped.contains(param)) {
                super.inferUnknownTypes(getValidatedNodeType(param), scope, node);
            } else if (node instanceof SqlDynamicParam param && inferredType.equals(unknownType)) {
                defaulted.add(param);
                SqlCall caller = callers.peek();
                int index = caller == null ? -1 : caller.getOperandList().indexOf(param);
                super.inferUnknownTypes(index < 0 ? defaults.unconstrained() : defaults.operand(caller, index), scope, node);
            } else if (node instanceof SqlDynamicParam && comparing()) {
                super.inferUnknownTypes(defaults.unbounded(inferredType), scope, node);
            } else if (node instanceof SqlCall call && sameTypeWithoutInference(call)) {
                typeLikeSiblings(scope, call);
                super.inferUnknownTypes(inferredType, scope, node);
            } else if (node.getKind() == SqlKind.CAST_NOT_NULL) {
                // COALESCE(?, 0) becomes CASE WHEN ? IS NOT NULL THEN CAST NOT NULL(?) ELSE 0: ? takes the CASE's type
                SqlNode operand = ((SqlCall) node).operand(0);
                inferUnknownTypes(inferredType, scope, operand);
                if (operand instanceof SqlDynamicParam) { // its type, derived while the parameter had none, was "unknown"
                    setValidatedNodeType(node, typeFactory.createTypeWithNullability(getValidatedNodeType(operand), false));
                }
            } else {
                super.inferUnknownTypes(inferredType, scope, node);
            }
        } finally {
            if (node instanceof SqlCall) {
                callers.pop();
            }
        }
    }

    /**
     * Calcite derives the type of some expressions before it has typed their parameters: an operand
     * the comparison around it types its siblings by ({@code salary + ? > ?}, {@code ? + 1 = salary}),
     * ORDER BY expressions (which it never walks for parameters). Such an expression has its
     * parameters typed first, as an expression of its own would; later walks keep those types, which
     * the expression's derived type already depends on.
     */
    /** Star expansion leaves out hidden row ids ({@link HiddenColumns}). */
    @Override
    protected void addToSelectList(List<SqlNode> list, Set<String> aliases, List<Map.Entry<String, RelDataType>> fieldList,
                                   SqlNode exp, SelectScope scope, boolean includeSystemVars) {
        if (!HiddenColumns.isHidden(exp, scope)) {
            super.addToSelectList(list, aliases, fieldList, exp, scope, includeSystemVars);
        }
    }

    @Override
    public RelDataType deriveType(SqlValidatorScope scope, SqlNode expr) {
        // CAST NOT NULL(?) of a rewritten COALESCE takes its type from the CASE around it, which skips it while deriving
        if (expr instanceof SqlCall call && !call.isA(SqlKind.QUERY) && call.getKind() != SqlKind.CAST_NOT_NULL
                && !callers.contains(call) && derivedCalls.add(call)) {
            List<SqlDynamicParam> untyped = new ArrayList<>();
            collectUntyped(call, untyped);
            if (!untyped.isEmpty()) {
                inferUnknownTypes(unknownType, scope, call);
                preTyped.addAll(untyped);
            }
        }
        return super.deriveType(scope, expr);
    }

    /** The parameters under {@code node} (subqueries excluded) that have no type yet. */
    private void collectUntyped(SqlNode node, List<SqlDynamicParam> out) {
        if (node instanceof SqlDynamicParam param) {
            if (!isTyped(param)) {
                out.add(param);
            }
        } else if (node instanceof SqlNodeList list) {
            list.forEach(n -> collectUntyped(n, out));
        } else if (node instanceof SqlCall call && !call.isA(SqlKind.QUERY)) {
            call.getOperandList().forEach(n -> collectUntyped(n, out));
        }
    }

    /** Whether the call whose operands are being typed compares them (its result type does not depend on theirs). */
    private boolean comparing() {
        SqlCall caller = callers.peek();
        return caller != null && caller.isA(COMPARISONS);
    }

    /** Whether a type other than "unknown" is recorded for {@code param} (deriving one that has none records "unknown"). */
    private boolean isTyped(SqlDynamicParam param) {
        RelDataType t = getValidatedNodeTypeIfKnown(param);
        return t != null && !t.equals(unknownType);
    }

    private void preTypeAs(SqlDynamicParam param, RelDataType type) {
        if (!isTyped(param)) {
            setValidatedNodeType(param, type);
            preTyped.add(param);
            defaulted.add(param);
        }
    }

    /** Invariants 1 and 2 for the calls of one expression (subqueries excluded: each is validated on its own). */
    private void preType(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            list.forEach(this::preType);
        }
        if (!(node instanceof SqlCall call) || node.isA(SqlKind.QUERY) || !preTypedCalls.add(call)) {
            return;
        }
        if (call instanceof SqlCase c) {
            preTypeResults(c);
        }
        boolean infers = (call.getOperator().getOperandTypeInference() != null && !call.isA(NULL_TESTS))
                || call.isA(EnumSet.of(SqlKind.CASE, SqlKind.AS, SqlKind.CAST_NOT_NULL));
        infers |= sameTypeWithoutInference(call);
        boolean againstText = infers && comparedWithTextOnly(call);
        for (int i = 0; i < call.operandCount(); i++) {
            SqlNode operand = call.operand(i);
            if (operand instanceof SqlDynamicParam param && (!infers || againstText)) {
                preTypeAs(param, againstText ? defaults.unconstrained() : defaults.operand(call, i));
            } else if (operand != null) {
                preType(operand);
            }
        }
    }

    /**
     * A CASE whose every result is a parameter or NULL ({@code CASE WHEN c THEN ? ELSE ? END}, and
     * {@code COALESCE(?, ?)} rewritten) has no type to give them: they are VARCHAR.
     */
    private void preTypeResults(SqlCase c) {
        List<SqlNode> results = new ArrayList<>(c.getThenOperands().getList());
        results.add(c.getElseOperand());
        List<SqlDynamicParam> params = new ArrayList<>();
        for (SqlNode result : results) {
            SqlNode r = result != null && result.getKind() == SqlKind.CAST_NOT_NULL ? ((SqlCall) result).operand(0) : result;
            if (r instanceof SqlDynamicParam param) {
                params.add(param);
            } else if (r != null && !SqlUtil.isNullLiteral(r, false)) {
                return;
            }
        }
        params.forEach(p -> preTypeAs(p, defaults.unconstrained()));
    }

    /** Whether all operands of {@code call} must have one type and Calcite infers none for its parameters (GREATEST, LEAST). */
    private static boolean sameTypeWithoutInference(SqlCall call) {
        return call.getOperator().getOperandTypeInference() == null
                && call.getOperator().getOperandTypeChecker() instanceof SameOperandTypeChecker;
    }

    /** Types the parameters among the operands of {@code call} as its first operand that is not one ({@code GREATEST(?, 1)}). */
    private void typeLikeSiblings(SqlValidatorScope scope, SqlCall call) {
        RelDataType known = null;
        for (SqlNode operand : call.getOperandList()) {
            if (known == null && operand != null && !(operand instanceof SqlDynamicParam)) {
                RelDataType t = deriveType(scope, operand);
                known = t.equals(unknownType) ? null : t;
            }
        }
        for (SqlNode operand : call.getOperandList()) {
            if (operand instanceof SqlDynamicParam param) {
                preTypeAs(param, known != null ? typeFactory.createTypeWithNullability(known, true) : defaults.unconstrained());
            }
        }
    }

    /** Whether {@code call} compares parameters with string literals only ({@code ? = 'x'}, {@code ? IN ('a', 'b')}). */
    private static boolean comparedWithTextOnly(SqlCall call) {
        if (!call.isA(COMPARISONS)) {
            return false;
        }
        boolean param = false;
        boolean text = false;
        for (SqlNode operand : call.getOperandList()) {
            for (SqlNode n : operand instanceof SqlNodeList list ? list.getList() : Collections.singletonList(operand)) {
                if (n instanceof SqlDynamicParam) {
                    param = true;
                } else if (n instanceof SqlCharStringLiteral) {
                    text = true;
                } else {
                    return false;
                }
            }
        }
        return param && text;
    }
}
