package dev.lightningdb.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * What the database is and can do, answered truthfully for what the dialect implements today:
 * tools (DBeaver, IntelliJ, Flyway, Hibernate) act on these answers. Result-set methods are in
 * {@link MetadataResults}.
 */
final class LightningDatabaseMetaData extends JdbcObject implements DatabaseMetaData {
    private static final String KEYWORDS = "ANALYZE,AUTO_INCREMENT,CHECKPOINT,CONFLICT,EXPLAIN,GET,IDENTITY,INTEGRITY,LIMIT,NOTHING,OFFSET,PUT,SCAN,SEQUENCE,VERIFY";

    private final LightningConnection connection;
    private final MetadataResults results;

    LightningDatabaseMetaData(LightningConnection connection) {
        this.connection = connection;
        this.results = new MetadataResults(connection);
    }

    private void check() throws SQLException {
        connection.checkOpen();
    }

    // ------------------------------------------------------------------ product and driver

    @Override public String getURL() throws SQLException { check(); return connection.url(); }
    @Override public String getUserName() throws SQLException { check(); return "SA"; }
    @Override public boolean isReadOnly() throws SQLException { return connection.isReadOnly(); }
    @Override public String getDatabaseProductName() { return "LightningDB"; }
    @Override public String getDatabaseProductVersion() { return LightningDriver.VERSION; }
    @Override public String getDriverName() { return "LightningDB JDBC Driver"; }
    @Override public String getDriverVersion() { return LightningDriver.VERSION; }
    @Override public int getDriverMajorVersion() { return LightningDriver.versionPart(0); }
    @Override public int getDriverMinorVersion() { return LightningDriver.versionPart(1); }
    @Override public int getDatabaseMajorVersion() { return LightningDriver.versionPart(0); }
    @Override public int getDatabaseMinorVersion() { return LightningDriver.versionPart(1); }
    @Override public int getJDBCMajorVersion() { return 4; }
    @Override public int getJDBCMinorVersion() { return 2; }
    @Override public Connection getConnection() throws SQLException { check(); return connection; }
    @Override public boolean usesLocalFiles() { return true; }
    @Override public boolean usesLocalFilePerTable() { return false; }

    // ------------------------------------------------------------------ identifiers and syntax

    @Override public boolean allProceduresAreCallable() { return false; }
    @Override public boolean allTablesAreSelectable() { return true; }
    @Override public boolean nullsAreSortedHigh() { return false; }
    @Override public boolean nullsAreSortedLow() { return true; }
    @Override public boolean nullsAreSortedAtStart() { return false; }
    @Override public boolean nullsAreSortedAtEnd() { return false; }
    @Override public boolean supportsMixedCaseIdentifiers() { return false; }
    @Override public boolean storesUpperCaseIdentifiers() { return true; }
    @Override public boolean storesLowerCaseIdentifiers() { return false; }
    @Override public boolean storesMixedCaseIdentifiers() { return false; }
    @Override public boolean supportsMixedCaseQuotedIdentifiers() { return true; }
    @Override public boolean storesUpperCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesLowerCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesMixedCaseQuotedIdentifiers() { return true; }
    @Override public String getIdentifierQuoteString() { return "\""; }
    @Override public String getSQLKeywords() { return KEYWORDS; }
    // The JDBC escape functions ({fn ...}) that work: JdbcFunctions maps those named differently in our SQL
    @Override public String getNumericFunctions() { return "ABS,CEILING,EXP,FLOOR,LOG,LOG10,MOD,POWER,ROUND,SIGN,SQRT"; }
    @Override public String getStringFunctions() { return "CONCAT,LCASE,LENGTH,LOCATE,SUBSTRING,UCASE"; }
    @Override public String getSystemFunctions() { return "IFNULL"; }
    @Override public String getTimeDateFunctions() {
        return "CURDATE,CURTIME,NOW,DAYOFMONTH,DAYOFWEEK,DAYOFYEAR,HOUR,MINUTE,MONTH,QUARTER,SECOND,WEEK,YEAR";
    }
    @Override public String getSearchStringEscape() { return "\\"; }
    @Override public String getExtraNameCharacters() { return "$"; }
    @Override public String getSchemaTerm() { return "schema"; }
    @Override public String getProcedureTerm() { return "procedure"; }
    @Override public String getCatalogTerm() { return "catalog"; }
    @Override public boolean isCatalogAtStart() { return true; }
    @Override public String getCatalogSeparator() { return "."; }

    // ------------------------------------------------------------------ what the dialect supports

    @Override public boolean supportsAlterTableWithAddColumn() { return true; }
    @Override public boolean supportsAlterTableWithDropColumn() { return true; }
    @Override public boolean supportsColumnAliasing() { return true; }
    @Override public boolean nullPlusNonNullIsNull() { return true; }
    @Override public boolean supportsConvert() { return false; }
    @Override public boolean supportsConvert(int fromType, int toType) { return false; }
    @Override public boolean supportsTableCorrelationNames() { return true; }
    @Override public boolean supportsDifferentTableCorrelationNames() { return false; }
    @Override public boolean supportsExpressionsInOrderBy() { return true; }
    @Override public boolean supportsOrderByUnrelated() { return true; }
    @Override public boolean supportsGroupBy() { return true; }
    @Override public boolean supportsGroupByUnrelated() { return true; }
    @Override public boolean supportsGroupByBeyondSelect() { return true; }
    @Override public boolean supportsLikeEscapeClause() { return true; }
    @Override public boolean supportsMultipleResultSets() { return false; }
    @Override public boolean supportsMultipleTransactions() { return true; }
    @Override public boolean supportsNonNullableColumns() { return true; }
    @Override public boolean supportsMinimumSQLGrammar() { return true; }
    @Override public boolean supportsCoreSQLGrammar() { return false; }
    @Override public boolean supportsExtendedSQLGrammar() { return false; }
    @Override public boolean supportsANSI92EntryLevelSQL() { return false; }
    @Override public boolean supportsANSI92IntermediateSQL() { return false; }
    @Override public boolean supportsANSI92FullSQL() { return false; }
    @Override public boolean supportsIntegrityEnhancementFacility() { return false; }
    @Override public boolean supportsOuterJoins() { return true; }
    @Override public boolean supportsFullOuterJoins() { return true; }
    @Override public boolean supportsLimitedOuterJoins() { return true; }
    @Override public boolean supportsSchemasInDataManipulation() { return true; }
    @Override public boolean supportsSchemasInProcedureCalls() { return false; }
    @Override public boolean supportsSchemasInTableDefinitions() { return true; }
    @Override public boolean supportsSchemasInIndexDefinitions() { return true; }
    @Override public boolean supportsSchemasInPrivilegeDefinitions() { return false; }
    @Override public boolean supportsCatalogsInDataManipulation() { return false; }
    @Override public boolean supportsCatalogsInProcedureCalls() { return false; }
    @Override public boolean supportsCatalogsInTableDefinitions() { return false; }
    @Override public boolean supportsCatalogsInIndexDefinitions() { return false; }
    @Override public boolean supportsCatalogsInPrivilegeDefinitions() { return false; }
    @Override public boolean supportsPositionedDelete() { return false; }
    @Override public boolean supportsPositionedUpdate() { return false; }
    @Override public boolean supportsSelectForUpdate() { return true; }
    @Override public boolean supportsStoredProcedures() { return false; }
    @Override public boolean supportsSubqueriesInComparisons() { return true; }
    @Override public boolean supportsSubqueriesInExists() { return true; }
    @Override public boolean supportsSubqueriesInIns() { return true; }
    @Override public boolean supportsSubqueriesInQuantifieds() { return false; }
    @Override public boolean supportsCorrelatedSubqueries() { return true; }
    @Override public boolean supportsUnion() { return true; }
    @Override public boolean supportsUnionAll() { return true; }
    @Override public boolean supportsOpenCursorsAcrossCommit() { return false; }
    @Override public boolean supportsOpenCursorsAcrossRollback() { return false; }
    @Override public boolean supportsOpenStatementsAcrossCommit() { return true; }
    @Override public boolean supportsOpenStatementsAcrossRollback() { return true; }

    // ------------------------------------------------------------------ limits (0 = no limit known)

    @Override public int getMaxBinaryLiteralLength() { return 0; }
    @Override public int getMaxCharLiteralLength() { return 0; }
    @Override public int getMaxColumnNameLength() { return 0; }
    @Override public int getMaxColumnsInGroupBy() { return 0; }
    @Override public int getMaxColumnsInIndex() { return 0; }
    @Override public int getMaxColumnsInOrderBy() { return 0; }
    @Override public int getMaxColumnsInSelect() { return 0; }
    @Override public int getMaxColumnsInTable() { return 65536; }
    @Override public int getMaxConnections() { return 0; }
    @Override public int getMaxCursorNameLength() { return 0; }
    @Override public int getMaxIndexLength() { return 0; }
    @Override public int getMaxSchemaNameLength() { return 0; }
    @Override public int getMaxProcedureNameLength() { return 0; }
    @Override public int getMaxCatalogNameLength() { return 0; }
    @Override public int getMaxRowSize() { return 0; }
    @Override public boolean doesMaxRowSizeIncludeBlobs() { return true; }
    @Override public int getMaxStatementLength() { return 0; }
    @Override public int getMaxStatements() { return 0; }
    @Override public int getMaxTableNameLength() { return 0; }
    @Override public int getMaxTablesInSelect() { return 0; }
    @Override public int getMaxUserNameLength() { return 0; }

    // ------------------------------------------------------------------ transactions and features

    @Override public int getDefaultTransactionIsolation() { return Connection.TRANSACTION_READ_COMMITTED; }
    @Override public boolean supportsTransactions() { return true; }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_READ_COMMITTED || level == Connection.TRANSACTION_REPEATABLE_READ
                || level == Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override public boolean supportsDataDefinitionAndDataManipulationTransactions() { return true; }
    @Override public boolean supportsDataManipulationTransactionsOnly() { return false; }
    @Override public boolean dataDefinitionCausesTransactionCommit() { return false; }
    @Override public boolean dataDefinitionIgnoredInTransactions() { return false; }
    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY || type == ResultSet.TYPE_SCROLL_INSENSITIVE;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return supportsResultSetType(type) && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override public boolean ownUpdatesAreVisible(int type) { return false; }
    @Override public boolean ownDeletesAreVisible(int type) { return false; }
    @Override public boolean ownInsertsAreVisible(int type) { return false; }
    @Override public boolean othersUpdatesAreVisible(int type) { return false; }
    @Override public boolean othersDeletesAreVisible(int type) { return false; }
    @Override public boolean othersInsertsAreVisible(int type) { return false; }
    @Override public boolean updatesAreDetected(int type) { return false; }
    @Override public boolean deletesAreDetected(int type) { return false; }
    @Override public boolean insertsAreDetected(int type) { return false; }
    @Override public boolean supportsBatchUpdates() { return true; }
    @Override public boolean supportsSavepoints() { return true; }
    @Override public boolean supportsNamedParameters() { return false; }
    @Override public boolean supportsMultipleOpenResults() { return false; }
    @Override public boolean supportsGetGeneratedKeys() { return true; }
    @Override public boolean supportsResultSetHoldability(int holdability) { return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT; }
    @Override public int getResultSetHoldability() { return ResultSet.CLOSE_CURSORS_AT_COMMIT; }
    @Override public int getSQLStateType() { return sqlStateSQL; }
    @Override public boolean locatorsUpdateCopy() { return true; } // LOBs are copies of the stored value
    @Override public boolean supportsStatementPooling() { return false; }
    @Override public RowIdLifetime getRowIdLifetime() { return RowIdLifetime.ROWID_UNSUPPORTED; }
    @Override public boolean supportsStoredFunctionsUsingCallSyntax() { return true; } // {? = call f(?)} on the SQL functions
    @Override public boolean autoCommitFailureClosesAllResultSets() { return false; }
    @Override public boolean generatedKeyAlwaysReturned() { return false; }

    // ------------------------------------------------------------------ result sets

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types) throws SQLException {
        check();
        return results.tables(schemaPattern, tableNamePattern, types);
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        check();
        return results.columns(schemaPattern, tableNamePattern, columnNamePattern);
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        check();
        return results.primaryKeys(schema, table);
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        check();
        return results.indexInfo(schema, table, unique);
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        check();
        return results.schemas(null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        check();
        return results.schemas(schemaPattern);
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        check();
        return results.catalogs();
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        check();
        return results.tableTypes();
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        check();
        return results.typeInfo();
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        check();
        return results.bestRowIdentifier(schema, table);
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        check();
        return results.foreignKeys(null, null, schema, table);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        check();
        return results.foreignKeys(schema, table, null, null);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable, String foreignCatalog,
                                       String foreignSchema, String foreignTable) throws SQLException {
        check();
        return results.foreignKeys(parentSchema, parentTable, foreignSchema, foreignTable);
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) throws SQLException {
        check();
        return results.empty("PROCEDURE_CAT:V", "PROCEDURE_SCHEM:V", "PROCEDURE_NAME:V", "RESERVED1:V", "RESERVED2:V",
                "RESERVED3:V", "REMARKS:V", "PROCEDURE_TYPE:S", "SPECIFIC_NAME:V");
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
                                         String columnNamePattern) throws SQLException {
        check();
        return results.empty("PROCEDURE_CAT:V", "PROCEDURE_SCHEM:V", "PROCEDURE_NAME:V", "COLUMN_NAME:V", "COLUMN_TYPE:S",
                "DATA_TYPE:I", "TYPE_NAME:V", "PRECISION:I", "LENGTH:I", "SCALE:S", "RADIX:S", "NULLABLE:S", "REMARKS:V",
                "COLUMN_DEF:V", "SQL_DATA_TYPE:I", "SQL_DATETIME_SUB:I", "CHAR_OCTET_LENGTH:I", "ORDINAL_POSITION:I",
                "IS_NULLABLE:V", "SPECIFIC_NAME:V");
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        check();
        return results.empty("TABLE_CAT:V", "TABLE_SCHEM:V", "TABLE_NAME:V", "COLUMN_NAME:V", "GRANTOR:V", "GRANTEE:V",
                "PRIVILEGE:V", "IS_GRANTABLE:V");
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        check();
        return results.empty("TABLE_CAT:V", "TABLE_SCHEM:V", "TABLE_NAME:V", "GRANTOR:V", "GRANTEE:V", "PRIVILEGE:V",
                "IS_GRANTABLE:V");
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        check();
        return results.empty("SCOPE:S", "COLUMN_NAME:V", "DATA_TYPE:I", "TYPE_NAME:V", "COLUMN_SIZE:I", "BUFFER_LENGTH:I",
                "DECIMAL_DIGITS:S", "PSEUDO_COLUMN:S");
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) throws SQLException {
        check();
        return results.empty("TYPE_CAT:V", "TYPE_SCHEM:V", "TYPE_NAME:V", "CLASS_NAME:V", "DATA_TYPE:I", "REMARKS:V",
                "BASE_TYPE:S");
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        check();
        return results.empty("TYPE_CAT:V", "TYPE_SCHEM:V", "TYPE_NAME:V", "SUPERTYPE_CAT:V", "SUPERTYPE_SCHEM:V",
                "SUPERTYPE_NAME:V");
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        check();
        return results.empty("TABLE_CAT:V", "TABLE_SCHEM:V", "TABLE_NAME:V", "SUPERTABLE_NAME:V");
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern)
            throws SQLException {
        check();
        return results.empty("TYPE_CAT:V", "TYPE_SCHEM:V", "TYPE_NAME:V", "ATTR_NAME:V", "DATA_TYPE:I", "ATTR_TYPE_NAME:V",
                "ATTR_SIZE:I", "DECIMAL_DIGITS:I", "NUM_PREC_RADIX:I", "NULLABLE:I", "REMARKS:V", "ATTR_DEF:V",
                "SQL_DATA_TYPE:I", "SQL_DATETIME_SUB:I", "CHAR_OCTET_LENGTH:I", "ORDINAL_POSITION:I", "IS_NULLABLE:V",
                "SCOPE_CATALOG:V", "SCOPE_SCHEMA:V", "SCOPE_TABLE:V", "SOURCE_DATA_TYPE:S");
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        check();
        return results.empty("NAME:V", "MAX_LEN:I", "DEFAULT_VALUE:V", "DESCRIPTION:V");
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
        check();
        return results.empty("FUNCTION_CAT:V", "FUNCTION_SCHEM:V", "FUNCTION_NAME:V", "REMARKS:V", "FUNCTION_TYPE:S",
                "SPECIFIC_NAME:V");
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
                                        String columnNamePattern) throws SQLException {
        check();
        return results.empty("FUNCTION_CAT:V", "FUNCTION_SCHEM:V", "FUNCTION_NAME:V", "COLUMN_NAME:V", "COLUMN_TYPE:S",
                "DATA_TYPE:I", "TYPE_NAME:V", "PRECISION:I", "LENGTH:I", "SCALE:S", "RADIX:S", "NULLABLE:S", "REMARKS:V",
                "CHAR_OCTET_LENGTH:I", "ORDINAL_POSITION:I", "IS_NULLABLE:V", "SPECIFIC_NAME:V");
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        check();
        return results.empty("TABLE_CAT:V", "TABLE_SCHEM:V", "TABLE_NAME:V", "COLUMN_NAME:V", "DATA_TYPE:I", "COLUMN_SIZE:I",
                "DECIMAL_DIGITS:I", "NUM_PREC_RADIX:I", "COLUMN_USAGE:V", "REMARKS:V", "CHAR_OCTET_LENGTH:I", "IS_NULLABLE:V");
    }
}
