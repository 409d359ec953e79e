package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ResultColumn;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.Programs;

/**
 * Validates, optimizes and compiles queries with Calcite: SqlNode → validated SqlNode → logical
 * RelNode → Enumerable plan (Volcano, with the table's filter and projection pushdown) → Java code
 * compiled by Janino into a {@link Bindable}. Planning costs milliseconds, so callers keep the
 * {@link CompiledQuery} (a PreparedStatement plans once). Thread-safe.
 */
public final class QueryPlanner {
    // Calcite's own cache of compiled classes stays off: it would reuse a class whose static
    // initializer failed (e.g. 1/0 folded into a constant) and answer NoClassDefFoundError.
    // Plans are cached by statement text in StatementCache instead.

    private static final CalciteConnectionConfig CONFIG = config(true);
    /** For a second attempt: correlated subqueries stay nested loops (EnumerableCorrelate). */
    private static final CalciteConnectionConfig CONFIG_NO_DECORRELATION = config(false);

    private static CalciteConnectionConfig config(boolean decorrelate) {
        Properties p = new Properties();
        p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        p.setProperty(CalciteConnectionProperty.DEFAULT_NULL_COLLATION.camelName(), NullCollation.LOW.name());
        p.setProperty(CalciteConnectionProperty.FORCE_DECORRELATE.camelName(), Boolean.toString(decorrelate));
        return new CalciteConnectionConfigImpl(p);
    }

    /** The standard operators plus the common functions of PostgreSQL's library (LENGTH, LEFT, CONCAT, ...). */
    private static final SqlOperatorTable OPERATORS = SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.POSTGRESQL));
    private static final RelOptTable.ViewExpander NO_VIEWS = (rowType, queryString, schemaPath, viewPath) -> {
        throw SqlError.unsupported("Views");
    };

    private final JavaTypeFactory typeFactory = new LightningTypeFactory();

    public JavaTypeFactory typeFactory() {
        return typeFactory;
    }

    /** A Calcite root schema with one sub-schema per SQL schema in {@code catalog}, and INFORMATION_SCHEMA. */
    public CalciteSchema rootSchema(CatalogView catalog) {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        for (String s : catalog.schemas()) {
            root.add(s, new LightningSchema(s, catalog));
        }
        root.add(InformationSchema.NAME, new InformationSchema(catalog));
        return root;
    }

    /** Compiles {@code query} (a fresh parse: validation modifies it) for a session whose current schema is PUBLIC. */
    public CompiledQuery compile(SqlNode query, CatalogView catalog) {
        return compile(query, catalog, QualifiedName.DEFAULT_SCHEMA);
    }

    /**
     * Compiles {@code query} (which validation modifies: pass a freshly parsed node); table names
     * without a schema are looked up in {@code defaultSchema} only (the session's current schema).
     *
     * @throws SqlError for unknown tables or columns, type errors and unsupported constructs
     */
    public CompiledQuery compile(SqlNode query, CatalogView catalog, String defaultSchema) {
        LightningValidator validator;
        CalciteCatalogReader reader;
        SqlNode validated;
        try {
            TimeLiterals.check(query);
            CalciteSchema root = rootSchema(catalog);
            reader = new CalciteCatalogReader(root, List.of(defaultSchema), typeFactory, CONFIG);
            validator = new LightningValidator(OPERATORS, reader, typeFactory,
                    SqlValidator.Config.DEFAULT
                            .withIdentifierExpansion(true)
                            .withConformance(SqlConformanceEnum.LENIENT)
                            .withTypeCoercionFactory(LightningTypeCoercion::new)
                            .withDefaultNullCollation(NullCollation.LOW));
            validated = validator.validate(JoinConditionSubqueries.rewrite(query));
        } catch (Throwable e) {
            throw translate(e);
        }
        SqlError error = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                // Calcite mishandles some correlated subqueries: its subquery rules and decorrelator mix up
                // fields (the generated code does not compile) or change a column's type ("Decorrelation
                // produced a relation with a different type"). Its older expansion of subqueries while
                // converting takes another path; without decorrelation, correlated subqueries run as nested
                // loops, slower but right. Only internal errors get another attempt.
                return plan(validated, validator, reader, catalog, attempt == 1, attempt < 2);
            } catch (Throwable e) {
                SqlError translated = translate(e);
                if (!SqlError.INTERNAL.equals(translated.sqlState())) {
                    throw translated;
                }
                if (error == null) {
                    error = translated;
                }
            }
        }
        if (JoinConditionSubqueries.remain(validated)) {
            throw SqlError.unsupported("A subquery in this join's ON condition (kept there for a RIGHT or FULL join,"
                    + " a join on the right side, or column names without their table)");
        }
        if (String.valueOf(error.getMessage()).contains("Unable to implement")) {
            // e.g. SUBSTRING with a DECIMAL position: Calcite validates it but has no code for it
            throw SqlError.unsupported("An expression of these argument types (Calcite cannot generate code for it)");
        }
        if (hasExpressionSubquery(validated)) {
            throw SqlError.unsupported("This subquery (Calcite failed on it decorrelated, expanded and as nested loops)");
        }
        throw error;
    }

    /** Whether a query (SELECT, set operation, VALUES, WITH) appears as an operand of an expression (IN, EXISTS, scalar). */
    private static boolean hasExpressionSubquery(SqlNode query) {
        boolean[] found = {false};
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (!SqlKind.QUERY.contains(call.getKind()) && !STRUCTURE.contains(call.getKind())) {
                    for (SqlNode operand : call.getOperandList()) {
                        if (operand != null && SqlKind.QUERY.contains(operand.getKind())) {
                            found[0] = true;
                        }
                    }
                }
                return super.visit(call);
            }
        });
        return found[0];
    }

    /** Calls that hold queries as parts of a query, not of an expression. */
    private static final Set<SqlKind> STRUCTURE = Set.of(SqlKind.AS,
            SqlKind.JOIN, SqlKind.WITH_ITEM, SqlKind.LATERAL,
            SqlKind.COLLECTION_TABLE);

    private static SqlError translate(Throwable e) {
        if (e instanceof StackOverflowError) {
            return new SqlError(SqlError.TOO_COMPLEX, "The query is too complex to plan (expression nesting too deep)");
        }
        if (e instanceof AssertionError) {
            // Calcite checks internal invariants with assert (when the JVM runs with -ea) and AssertionError
            return new SqlError(SqlError.INTERNAL, "The planner could not handle this query: " + e.getMessage(), e);
        }
        if (e instanceof RuntimeException || e instanceof ExceptionInInitializerError) {
            return CalciteErrors.translate(e);
        }
        if (e instanceof Error err) {
            throw err;
        }
        return CalciteErrors.translate(e);
    }

    /**
     * Converts, optimizes and compiles a validated query: subqueries expanded to joins while converting if
     * {@code expand} (else by rules), correlated subqueries turned into joins if {@code decorrelate}.
     */
    private CompiledQuery plan(SqlNode validated, LightningValidator validator, CalciteCatalogReader reader, CatalogView catalog,
                               boolean expand, boolean decorrelate) {
        List<ColumnType> parameterTypes = ParameterTypes.of(validated, validator);
        VolcanoPlanner planner = new VolcanoPlanner(null, Contexts.of(decorrelate ? CONFIG : CONFIG_NO_DECORRELATION));
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
        RelOptUtil.registerDefaultRules(planner, false, false);
        planner.addRule(FilterIntoScanRule.INSTANCE);
        planner.addRule(OrderedScanRule.INSTANCE);
        planner.addRule(UsedColumnsRule.PROJECT);
        planner.addRule(UsedColumnsRule.PROJECT_FILTER);
        // Calcite 1.42 generates uncompilable code for some merge joins (e.g. on BOOLEAN keys); hash joins cover them all
        planner.removeRule(EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE);
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        SqlToRelConverter converter = new SqlToRelConverter(NO_VIEWS, validator, reader, cluster,
                StandardConvertletTable.INSTANCE, SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(expand));
        RelRoot relRoot = converter.convertQuery(validated, false, true);
        List<ResultColumn> columns = resultColumns(relRoot.validatedRowType, validator.getFieldOrigins(validated));

        RexBuilder rex = cluster.getRexBuilder();
        RelNode logical = relRoot.project();
        logical = UuidOrder.apply(logical, rex);
        logical = CharComparisons.apply(logical, rex);
        logical = NullComparisons.remove(logical, rex);
        logical = CheckedArithmetic.apply(logical, rex);
        logical = WideAggregates.apply(logical, rex);
        logical = CheckedFunctions.apply(logical, rex);
        RelNode physical = Programs.standard().run(planner, logical,
                logical.getTraitSet().replace(EnumerableConvention.INSTANCE).simplify(), List.of(), List.of());
        Map<String, Object> internals = new HashMap<>(); // objects the generated code reads back by name
        Bindable<?> bindable = EnumerableInterpretable.toBindable(internals, null, (EnumerableRel) physical,
                EnumerableRel.Prefer.ARRAY);
        String plan = RelOptUtil.toString(physical, SqlExplainLevel.EXPPLAN_ATTRIBUTES);
        return new CompiledQuery(bindable, internals, columns, parameterTypes, plan, catalog.version());
    }

    private static List<ResultColumn> resultColumns(RelDataType rowType, List<List<String>> origins) {
        List<ResultColumn> columns = new ArrayList<>();
        List<RelDataTypeField> fields = rowType.getFieldList();
        for (int i = 0; i < fields.size(); i++) {
            RelDataTypeField f = fields.get(i);
            List<String> origin = origins == null || i >= origins.size() ? null : origins.get(i);
            String schema = origin != null && origin.size() >= 3 ? origin.get(origin.size() - 3) : "";
            String table = origin != null && origin.size() >= 2 ? origin.get(origin.size() - 2) : "";
            String column = origin != null && !origin.isEmpty() ? origin.get(origin.size() - 1) : f.getName();
            ColumnType type;
            try {
                type = ColumnType.fromRelDataType(f.getType());
            } catch (SqlError e) {
                throw SqlError.unsupported("A result column of type " + f.getType().getSqlTypeName());
            }
            columns.add(new ResultColumn(f.getName(), column, schema, table, type, f.getType().isNullable()));
        }
        return columns;
    }
}
