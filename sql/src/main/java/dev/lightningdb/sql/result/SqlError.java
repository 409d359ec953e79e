package dev.lightningdb.sql.result;

/**
 * An error the SQL layer reports, with the SQLState the JDBC driver hands to the application.
 * The SQL layer never sees {@code java.sql}; the driver turns this into the matching
 * {@code SQLException} subclass. Messages name what was wrong and, where known, where.
 */
public class SqlError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String SYNTAX = "42000";
    public static final String UNKNOWN_TABLE = "42S02";
    public static final String TABLE_EXISTS = "42S01";
    public static final String UNKNOWN_COLUMN = "42S22";
    public static final String DATA_TOO_LONG = "22001";
    public static final String NUMERIC_OUT_OF_RANGE = "22003";
    public static final String INVALID_DATETIME = "22007";
    public static final String DATA_EXCEPTION = "22000";
    public static final String INVALID_CAST = "22018";
    public static final String INVALID_ESCAPE_CHARACTER = "22019";
    public static final String INVALID_ESCAPE_SEQUENCE = "22025";
    public static final String CARDINALITY_VIOLATION = "21000";
    public static final String NOT_NULL_VIOLATION = "23502";
    public static final String UNIQUE_VIOLATION = "23505";
    public static final String SERIALIZATION_FAILURE = "40001";
    /** A deadlock: this transaction was rolled back so that the others of the cycle go on (as PostgreSQL). */
    public static final String DEADLOCK = "40P01";
    /** A row lock not granted (NOWAIT, lock timeout); the transaction stays usable (as PostgreSQL). */
    public static final String LOCK_NOT_AVAILABLE = "55P03";
    /**
     * A feature (SQL or JDBC) that LightningDB does not have: JDBC's and ODBC's "optional feature not
     * implemented", as H2 reports it. Not the standard's 0A000, because connection pools (HikariCP)
     * take 0A000 for a broken connection and close it; see docs/design.md, "Errors and SQLStates".
     */
    public static final String FEATURE_NOT_SUPPORTED = "HYC00";
    public static final String INVALID_TRANSACTION_STATE = "25000";
    public static final String READ_ONLY = "25006";
    public static final String INVALID_SAVEPOINT = "3B001";
    public static final String INTERNAL = "XX000";
    public static final String IO = "58030";
    public static final String CORRUPTION = "XX001";
    public static final String WRONG_PARAMETER_COUNT = "07001";
    /** A statement stopped by {@code Statement.cancel()} or its query timeout (as PostgreSQL's query_canceled). */
    public static final String CANCELLED = "57014";
    public static final String TOO_COMPLEX = "54001";
    /** A value beyond a size limit of the implementation (a string result too long to build). */
    public static final String PROGRAM_LIMIT_EXCEEDED = "54000";
    /** A function argument outside its domain (SQRT of a negative number, zero to a negative power). */
    public static final String INVALID_POWER_ARGUMENT = "2201F";

    private final String sqlState;

    public SqlError(String sqlState, String message) {
        super(message);
        this.sqlState = sqlState;
    }

    public SqlError(String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }

    public static SqlError syntax(int line, int column, String what) {
        return new SqlError(SYNTAX, "Syntax error at line " + line + ", column " + column + ": " + what);
    }

    public static SqlError unknownTable(String name) {
        return new SqlError(UNKNOWN_TABLE, "Table '" + name + "' not found");
    }

    public static SqlError unsupported(String what) {
        return new SqlError(FEATURE_NOT_SUPPORTED, what + " is not supported");
    }
}
