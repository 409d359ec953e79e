package dev.lightningdb.liquibase;

import liquibase.database.Database;
import liquibase.datatype.DataTypeInfo;
import liquibase.datatype.DatabaseDataType;
import liquibase.datatype.LiquibaseDataType;
import liquibase.datatype.core.DateTimeType;

/**
 * Liquibase's {@code datetime} (its DATABASECHANGELOG.DATEEXECUTED, and a common column type in
 * change logs) as TIMESTAMP: LightningDB has no DATETIME. Other databases keep Liquibase's own type.
 */
@DataTypeInfo(name = "datetime", minParameters = 0, maxParameters = 1,
        aliases = {"java.sql.Types.DATETIME", "java.util.Date", "smalldatetime", "datetime2"},
        priority = LiquibaseDataType.PRIORITY_DATABASE)
public final class TimestampType extends DateTimeType {
    @Override
    public boolean supports(Database database) {
        return database instanceof LightningDatabase;
    }

    @Override
    public DatabaseDataType toDatabaseDataType(Database database) {
        return database instanceof LightningDatabase ? new DatabaseDataType("TIMESTAMP") : super.toDatabaseDataType(database);
    }
}
