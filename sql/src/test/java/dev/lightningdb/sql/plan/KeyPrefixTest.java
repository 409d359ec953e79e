package dev.lightningdb.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import org.apache.calcite.sql.SqlKind;
import org.junit.jupiter.api.Test;

/** The recogniser on the neutral form alone: what a condition's comparisons make of a key. */
class KeyPrefixTest {
    // a INT, b VARCHAR, c CHAR(3), d INT, e DOUBLE; the key is (a, b)
    private static final ColumnType[] TYPES = {ColumnType.of(Kind.INTEGER), ColumnType.sized(Kind.VARCHAR, 10),
            ColumnType.sized(Kind.CHAR, 3), ColumnType.of(Kind.INTEGER), ColumnType.of(Kind.DOUBLE)};
    private static final int[] KEY = {0, 1};

    private final KeyComparisons comparisons = new KeyComparisons(TYPES);

    private KeyPrefix key() {
        return KeyPrefix.of(KEY, comparisons);
    }

    private String add(int column, SqlKind op, Object value) {
        String origin = column + " " + op + " " + value;
        comparisons.add(column, op, value, origin, true);
        return origin;
    }

    @Test
    void anEmptyConditionFixesNothing() {
        KeyPrefix key = key();
        assertThat(key.equalities()).isZero();
        assertThat(key.isFull()).isFalse();
        assertThat(key.isPoint()).isFalse();
        assertThat(key.hasRange()).isFalse();
        assertThat(key.nextColumn()).isZero();
        assertThat(key.lower()).isNull();
        assertThat(key.upper()).isNull();
        assertThat(key.enforced()).isEmpty();
        assertThatThrownBy(() -> key.equality(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void equalitiesOnTheWholeKeyInAnyOrderAreAPoint() {
        String b = add(1, SqlKind.EQUALS, "x");
        String a = add(0, SqlKind.EQUALS, 7);
        KeyPrefix key = key();
        assertThat(key.isPoint()).isTrue();
        assertThat(key.equality(0).value()).isEqualTo(7);
        assertThat(key.equality(1).value()).isEqualTo("x");
        assertThat(key.nextColumn()).isEqualTo(-1);
        assertThat(key.hasRange()).isFalse();
        assertThat(key.lower()).isNull();
        assertThat(key.enforced()).containsExactly(a, b);
    }

    @Test
    void nullsAndParametersAreValuesLikeAnyOther() {
        add(0, SqlKind.EQUALS, null); // matches no row: the executor finds no key
        add(1, SqlKind.EQUALS, KeyRangeExtractor.UNKNOWN);
        assertThat(key().isPoint()).isTrue();
        assertThat(key().equality(0).value()).isNull();
    }

    @Test
    void anythingBesideTheKeyEqualitiesIsNoPoint() {
        add(0, SqlKind.EQUALS, 1);
        add(1, SqlKind.EQUALS, "x");
        comparisons.addOther(); // an OR, a NOT, a function, a column compared with a column ...
        assertThat(key().isFull()).isTrue();
        assertThat(key().isPoint()).isFalse();
    }

    @Test
    void aKeyColumnComparedTwiceKeepsItsFirstEqualityAndIsNoPoint() {
        String first = add(0, SqlKind.EQUALS, 1);
        add(0, SqlKind.EQUALS, 2);
        String b = add(1, SqlKind.EQUALS, "x");
        KeyPrefix key = key();
        assertThat(key.equality(0).value()).isEqualTo(1);
        assertThat(key.isPoint()).isFalse();
        assertThat(key.enforced()).containsExactly(first, b); // the second stays to be evaluated
    }

    @Test
    void anEqualityOnAnotherColumnIsNoPoint() {
        add(0, SqlKind.EQUALS, 1);
        add(1, SqlKind.EQUALS, "x");
        add(3, SqlKind.EQUALS, 5);
        assertThat(key().isPoint()).isFalse();
        assertThat(comparisons.first(3, SqlKind.EQUALS).value()).isEqualTo(5); // still there for an index on d
    }

    @Test
    void onlyComparisonsOfUsableColumnsBound() {
        add(0, SqlKind.NOT_EQUALS, 1);
        add(0, SqlKind.LIKE, "1%");
        add(0, SqlKind.IS_NULL, null);
        add(-1, SqlKind.EQUALS, 1);
        add(TYPES.length, SqlKind.EQUALS, 1);
        assertThat(comparisons.offered()).isEqualTo(5);
        for (int c = 0; c < TYPES.length; c++) {
            assertThat(comparisons.of(c)).isEmpty();
        }
        assertThat(comparisons.bounds(2, SqlKind.LIKE)).isFalse();
        assertThat(comparisons.bounds(0, SqlKind.GREATER_THAN_OR_EQUAL)).isTrue();
        assertThat(key().equalities()).isZero();
    }

    @Test
    void aCharKeyIsAPointForAValueOfItsLength() {
        // the adapters offer only constants padded as the column's values are (KeyRangeExtractor, CharComparisons)
        KeyComparisons onChar = new KeyComparisons(TYPES);
        onChar.add(2, SqlKind.EQUALS, "ab ", "c = 'ab '", true);
        assertThat(KeyPrefix.of(new int[] {2}, onChar).isPoint()).isTrue();
    }

    @Test
    void theTightestBoundsOfTheNextColumnFormTheRange() {
        String a = add(0, SqlKind.EQUALS, 1);
        add(1, SqlKind.GREATER_THAN_OR_EQUAL, "b");
        String gt = add(1, SqlKind.GREATER_THAN, "c");
        add(1, SqlKind.GREATER_THAN_OR_EQUAL, "c"); // equal value: > is tighter
        add(1, SqlKind.LESS_THAN_OR_EQUAL, "q");
        String lt = add(1, SqlKind.LESS_THAN, "p");
        add(1, SqlKind.LESS_THAN_OR_EQUAL, "p"); // equal value: < is tighter
        KeyPrefix key = key();
        assertThat(key.equalities()).isEqualTo(1);
        assertThat(key.isFull()).isFalse();
        assertThat(key.isPoint()).isFalse();
        assertThat(key.nextColumn()).isEqualTo(1);
        assertThat(key.hasRange()).isTrue();
        assertThat(key.lower().origin()).isEqualTo(gt);
        assertThat(key.upper().origin()).isEqualTo(lt);
        assertThat(key.enforced()).containsExactly(a, gt, lt);
    }

    @Test
    void aRangeOnlyCountsOnTheColumnAfterTheEqualities() {
        add(1, SqlKind.EQUALS, "x"); // b, but a is free
        add(1, SqlKind.LESS_THAN, "z");
        KeyPrefix key = key();
        assertThat(key.equalities()).isZero();
        assertThat(key.hasRange()).isFalse();
        assertThat(key.enforced()).isEmpty();
        add(0, SqlKind.LESS_THAN, 3);
        assertThat(key().hasRange()).isTrue();
        assertThat(key().upper().value()).isEqualTo(3);
        assertThat(key().lower()).isNull();
    }

    @Test
    void inexactComparisonsNarrowButAreNeverEnforced() {
        comparisons.add(0, SqlKind.EQUALS, 1, "search a", false);
        comparisons.add(1, SqlKind.GREATER_THAN, "k", "search b", false);
        comparisons.add(1, SqlKind.LESS_THAN, "m", "b < m", true);
        KeyPrefix key = key();
        assertThat(key.equalities()).isEqualTo(1);
        assertThat(key.lower().value()).isEqualTo("k");
        assertThat(key.enforced()).containsExactly("b < m");
        comparisons.add(1, SqlKind.EQUALS, "l", "search c", false);
        assertThat(key().isFull()).isTrue();
        assertThat(key().isPoint()).isFalse(); // inexact: something of the condition stays to evaluate
    }

    @Test
    void anIndexPrefixReadsTheSameWay() {
        add(3, SqlKind.EQUALS, 4);
        add(4, SqlKind.GREATER_THAN, 1.5);
        KeyPrefix index = KeyPrefix.of(new int[] {3, 4, 0}, comparisons);
        assertThat(index.equalities()).isEqualTo(1);
        assertThat(index.nextColumn()).isEqualTo(4);
        assertThat(index.lower().value()).isEqualTo(1.5);
        assertThat(index.isPoint()).isFalse();
    }
}
