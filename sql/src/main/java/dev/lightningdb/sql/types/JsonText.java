package dev.lightningdb.sql.types;

import dev.lightningdb.sql.result.ExternalValues;
import dev.lightningdb.sql.result.SqlError;
import java.util.Collection;
import java.util.Map;
import org.apache.calcite.runtime.JsonFunctions;

/**
 * Values of a JSON column: text that is one JSON value, stored as written (as PostgreSQL's
 * {@code json}, not normalised). A Map, List or array handed in is written as JSON text; anything
 * else must be text that parses (22032, "invalid JSON text", when it does not).
 */
final class JsonText {
    static final String INVALID_JSON_TEXT = "22032";

    private JsonText() {
    }

    static String toJson(Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof Object[]) {
            return JsonFunctions.jsonize(value instanceof Object[] a ? java.util.Arrays.asList(a) : value);
        }
        if (!(value instanceof String text)) {
            throw ExternalValues.cannotConvert(value, "JSON");
        }
        if (!Boolean.TRUE.equals(JsonFunctions.isJsonValue(text))) {
            throw new SqlError(INVALID_JSON_TEXT, "Invalid JSON text: '" + ExternalValues.abbreviate(text) + "'");
        }
        return text;
    }
}
