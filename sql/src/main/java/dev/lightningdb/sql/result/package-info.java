/**
 * What the SQL layer hands back and the words it shares with every layer: results (rows or a count,
 * with generated keys), result columns and their types, errors with their SQLState, and what an
 * INSERT should hand back.
 *
 * <p>A leaf: it imports nothing else of the SQL layer, so the driver can read results without
 * seeing how they were made, and every package below the session may use it.
 */
package dev.lightningdb.sql.result;
