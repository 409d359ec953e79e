package dev.lightningdb.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import dev.lightningdb.sql.storage.TableRows;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** The adapter from Calcite's filters (RexNode) to the key recogniser, and the key range it yields. */
class KeyRangeExtractorTest {
    // a INT, b VARCHAR(10), c CHAR(3), n INT; the key is (a, b)
    private static final TableDef TABLE = new TableDef(7, new QualifiedName(null, "T"), List.of(
            new ColumnDef("A", ColumnType.of(Kind.INTEGER), false, null),
            new ColumnDef("B", ColumnType.sized(Kind.VARCHAR, 10), false, null),
            new ColumnDef("C", ColumnType.sized(Kind.CHAR, 3), true, null),
            new ColumnDef("N", ColumnType.of(Kind.INTEGER), true, null)), new int[] {0, 1});

    private final SqlTypeFactoryImpl types = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
    private final RexBuilder rex = new RexBuilder(types);
    private final RelDataType integer = types.createSqlType(SqlTypeName.INTEGER);
    private final RelDataType varchar = types.createSqlType(SqlTypeName.VARCHAR, 10);
    private final RelDataType character = types.createSqlType(SqlTypeName.CHAR, 3);

    private RexNode a() {
        return rex.makeInputRef(integer, 0);
    }

    private RexNode b() {
        return rex.makeInputRef(varchar, 1);
    }

    private RexNode num(int v) {
        return rex.makeExactLiteral(BigDecimal.valueOf(v), integer);
    }

    private RexNode call(org.apache.calcite.sql.SqlOperator op, RexNode left, RexNode right) {
        return rex.makeCall(op, left, right);
    }

    /** Which of the keys {@code a1, b1, a2, b2, ...} the range reads, each as "a/b". */
    private static List<String> read(KeyRange range, Object... keys) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.length; i += 2) {
            if (range.contains(new TableRows(TABLE).key(new Object[] {keys[i], keys[i + 1], null, null}))) {
                out.add(keys[i] + "/" + keys[i + 1]);
            }
        }
        return out;
    }

    /** The range of {@code filters}; {@code left} receives those the range does not enforce. */
    private KeyRange extract(List<RexNode> filters, List<RexNode> left) {
        left.addAll(filters);
        return KeyRangeExtractor.extract(TABLE, left, KeyRangeExtractor.bounds(TABLE, filters, rex, null));
    }

    @Test
    void equalitiesOnTheWholeKeyAreOneKeyAndEnforced() {
        List<RexNode> left = new ArrayList<>();
        KeyRange r = extract(List.of(call(SqlStdOperatorTable.EQUALS, rex.makeLiteral("x"), b()),
                call(SqlStdOperatorTable.EQUALS, a(), num(5))), left);
        assertThat(read(r, 5, "x", 5, "y", 4, "x")).containsExactly("5/x");
        assertThat(left).isEmpty();
    }

    @Test
    void aPrefixThenTheTightestRange() {
        List<RexNode> left = new ArrayList<>();
        RexNode looser = call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, b(), rex.makeLiteral("b"));
        RexNode reversed = call(SqlStdOperatorTable.GREATER_THAN, rex.makeLiteral("p"), b()); // b < 'p'
        KeyRange r = extract(List.of(call(SqlStdOperatorTable.EQUALS, a(), num(5)), looser,
                call(SqlStdOperatorTable.GREATER_THAN, b(), rex.makeLiteral("c")), reversed), left);
        assertThat(read(r, 5, "c", 5, "ca", 5, "o", 5, "p", 6, "d")).containsExactly("5/ca", "5/o");
        assertThat(left).containsExactly(looser);
    }

    @Test
    void aRangeWithoutEqualitiesBeforeItIsNoKeyRange() {
        List<RexNode> left = new ArrayList<>();
        RexNode onB = call(SqlStdOperatorTable.EQUALS, b(), rex.makeLiteral("x"));
        KeyRange r = extract(List.of(onB), left);
        assertThat(read(r, 1, "y")).containsExactly("1/y");
        assertThat(left).containsExactly(onB);
    }

    @Test
    void searchesNarrowButStay() {
        List<RexNode> left = new ArrayList<>();
        RexNode between = rex.makeBetween(a(), num(2), num(4));
        KeyRange r = extract(List.of(between), left);
        assertThat(read(r, 1, "z", 3, "z", 5, "a")).containsExactly("3/z");
        assertThat(left).containsExactly(between);
    }

    @Test
    void unusableComparisonsAreLeftToCalcite() {
        // a CHAR(3) column against a CHAR(2) constant: not padded alike (CharComparisons pads literals first)
        RexNode onChar = call(SqlStdOperatorTable.EQUALS, rex.makeInputRef(character, 2), rex.makeLiteral("ab"));
        RexNode twoColumns = call(SqlStdOperatorTable.EQUALS, a(), rex.makeInputRef(integer, 3));
        RexNode notEqual = call(SqlStdOperatorTable.NOT_EQUALS, a(), num(1));
        RexNode nullValue = call(SqlStdOperatorTable.EQUALS, a(), rex.makeNullLiteral(integer));
        RexNode or = rex.makeCall(SqlStdOperatorTable.OR, call(SqlStdOperatorTable.EQUALS, a(), num(1)),
                call(SqlStdOperatorTable.EQUALS, a(), num(2)));
        RexNode not = rex.makeCall(SqlStdOperatorTable.NOT, call(SqlStdOperatorTable.EQUALS, a(), num(1)));
        List<RexNode> filters = List.of(onChar, twoColumns, notEqual, nullValue, or, not);
        KeyComparisons bounds = KeyRangeExtractor.bounds(TABLE, filters, rex, null);
        for (int c = 0; c < 4; c++) {
            assertThat(bounds.of(c)).isEmpty();
        }
        List<RexNode> left = new ArrayList<>();
        assertThat(read(extract(filters, left), 9, "q")).containsExactly("9/q");
        assertThat(left).isEqualTo(filters);
    }

    @Test
    void aCharColumnIsBoundByAConstantOfItsLength() {
        RexNode onChar = call(SqlStdOperatorTable.EQUALS, rex.makeInputRef(character, 2), rex.makeLiteral("ab "));
        KeyComparisons bounds = KeyRangeExtractor.bounds(TABLE, List.of(onChar), rex, null);
        assertThat(bounds.first(2, org.apache.calcite.sql.SqlKind.EQUALS).value()).isEqualTo("ab ");
    }

    @Test
    void parametersAreUnknownWhilePlanning() {
        RexNode param = call(SqlStdOperatorTable.EQUALS, a(), rex.makeDynamicParam(integer, 0));
        RexNode wrongType = call(SqlStdOperatorTable.EQUALS, b(), rex.makeDynamicParam(integer, 1));
        KeyComparisons bounds = KeyRangeExtractor.bounds(TABLE, List.of(param, wrongType), rex, null);
        assertThat(bounds.first(0, org.apache.calcite.sql.SqlKind.EQUALS).value()).isSameAs(KeyRangeExtractor.UNKNOWN);
        assertThat(bounds.of(1)).isEmpty();
        assertThat(KeyPrefix.of(TABLE.primaryKey(), bounds).equalities()).isEqualTo(1);
    }

    @Test
    void constantsOutOfTheColumnsRangeAreLeftToCalcite() {
        RexNode big = call(SqlStdOperatorTable.EQUALS, a(),
                rex.makeExactLiteral(BigDecimal.valueOf(1L << 40), types.createSqlType(SqlTypeName.BIGINT)));
        assertThat(KeyRangeExtractor.bounds(TABLE, List.of(big), rex, null).of(0)).isEmpty();
    }
}
