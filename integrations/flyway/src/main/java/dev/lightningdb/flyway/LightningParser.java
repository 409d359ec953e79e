package dev.lightningdb.flyway;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;

/**
 * Splits migration scripts into statements. The dialect has no procedural blocks, so statements
 * end at {@code ;} outside strings, quoted identifiers and comments ({@code --} and {@code /* *}{@code /}),
 * which is what Flyway's base parser does; every statement can run in a transaction, DDL included.
 */
final class LightningParser extends Parser {
    LightningParser(Configuration configuration, ParsingContext parsingContext) {
        super(configuration, parsingContext, 3);
    }
}
