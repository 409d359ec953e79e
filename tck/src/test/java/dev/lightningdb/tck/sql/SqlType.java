package dev.lightningdb.tck.sql;

/** The column and expression types the generators use, grouped into families that compare with each other. */
enum SqlType {
    INTEGER(Family.NUMBER),
    BIGINT(Family.NUMBER),
    DECIMAL(Family.NUMBER),
    DOUBLE(Family.NUMBER),
    VARCHAR(Family.STRING),
    BOOLEAN(Family.BOOLEAN),
    DATE(Family.DATE);

    enum Family { NUMBER, STRING, BOOLEAN, DATE }

    final Family family;

    SqlType(Family family) {
        this.family = family;
    }

    boolean isExactInteger() {
        return this == INTEGER || this == BIGINT;
    }

    boolean isNumber() {
        return family == Family.NUMBER;
    }

    /** The largest absolute value an expression of this type may reach without overflowing anywhere. */
    double limit() {
        return switch (this) {
            case INTEGER -> 2.0e9;
            case BIGINT -> 1.0e15;
            case DECIMAL -> 1.0e9;
            case DOUBLE -> 1.0e12;
            default -> Double.MAX_VALUE;
        };
    }
}
