package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.result.SqlError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Plans a view's query where a query names the view (one instance per planning of a query): parses
 * the stored text again, validates it with the names of the schema the view was created in, and
 * converts it in the same cluster as the query around it. Records the views the outermost query
 * names directly ({@link #direct}) for the catalog's dependencies.
 */
final class ViewExpansion implements RelOptTable.ViewExpander {
    /** Views are never cyclic (CREATE refuses it); this only stops a damaged catalog from overflowing the stack. */
    private static final int MAX_DEPTH = 64;

    private final QueryPlanner.ViewParser parser;
    private final CalciteCatalogReader reader;
    private final Function<CalciteCatalogReader, LightningValidator> validators;
    private final RelOptCluster cluster;
    private final SqlToRelConverter.Config config;
    private final Set<QualifiedName> direct = new LinkedHashSet<>();
    private int depth;

    ViewExpansion(QueryPlanner.ViewParser parser, CalciteCatalogReader reader,
                  Function<CalciteCatalogReader, LightningValidator> validators, RelOptCluster cluster,
                  SqlToRelConverter.Config config) {
        this.parser = parser;
        this.reader = reader;
        this.validators = validators;
        this.cluster = cluster;
        this.config = config;
    }

    @Override
    public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath, List<String> viewPath) {
        if (depth == 0) {
            direct.add(new QualifiedName(viewPath.get(0), viewPath.get(1)));
        }
        if (depth >= MAX_DEPTH) {
            throw new SqlError("42P17", "Views nested more than " + MAX_DEPTH + " deep (at view " + viewPath.get(1) + ")");
        }
        depth++;
        try {
            SqlNode query = JoinConditionSubqueries.rewrite(parser.parse(queryString));
            CalciteCatalogReader viewReader = reader.withSchemaPath(schemaPath);
            LightningValidator validator = validators.apply(viewReader);
            SqlNode validated = validator.validate(query);
            SqlToRelConverter converter = new SqlToRelConverter(this, validator, viewReader, cluster,
                    StandardConvertletTable.INSTANCE, config);
            return converter.convertQuery(validated, false, true);
        } finally {
            depth--;
        }
    }

    /** The views the outermost query named. */
    Set<QualifiedName> direct() {
        return direct;
    }
}
