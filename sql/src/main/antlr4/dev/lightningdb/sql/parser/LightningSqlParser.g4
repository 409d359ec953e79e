/*
 * LightningSql: the one definition of LightningDB's SQL dialect.
 *
 * Keywords are case-insensitive. Unquoted identifiers fold to upper case; "quoted" identifiers keep
 * their case. Statements are separated by ';'. The parse tree is turned into Calcite SqlNodes (queries,
 * expressions) or LightningDB commands (DDL, DML) by StatementBuilder, QueryBuilder and ExpressionBuilder.
 * The tokens (keywords, literals, operators) are in LightningSqlLexer.g4.
 */
parser grammar LightningSqlParser;

options { tokenVocab = LightningSqlLexer; }

script
    : SEMI* (statement (SEMI+ statement)* SEMI*)? EOF
    ;

singleStatement
    : SEMI* statement SEMI* EOF
    ;

statement
    : createTable
    | dropTable
    | alterTable
    | createIndex
    | dropIndex
    | createSequence
    | dropSequence
    | createSchema
    | dropSchema
    | truncateTable
    | insertStatement
    | updateStatement
    | deleteStatement
    | lockingQuery
    | query
    | explainStatement
    | checkpointStatement
    | setStatement
    | verifyStatement
    | putStatement
    | getStatement
    | scanStatement
    | analyzeStatement
    | callStatement
    | createView
    | dropView
    | showStatement
    | mergeStatement
    ;

// ---------------------------------------------------------------- DDL

createTable
    : CREATE temporary? TABLE (IF NOT EXISTS)? tableName LPAREN tableElement (COMMA tableElement)* RPAREN onCommit?
    ;

// GLOBAL is accepted and means LOCAL, as in PostgreSQL: the table is the session's alone.
temporary
    : (GLOBAL | LOCAL)? (TEMPORARY | TEMP)
    ;

onCommit
    : ON COMMIT (PRESERVE ROWS | DELETE ROWS | DROP)
    ;

tableElement
    : columnDefinition
    | tableConstraint
    ;

columnDefinition
    : identifier dataType columnConstraint*
    ;

columnConstraint
    : (CONSTRAINT identifier)? NOT NULL                                  # notNullConstraint
    | NULL                                                               # nullConstraint
    | (CONSTRAINT identifier)? PRIMARY KEY                               # primaryKeyColumnConstraint
    | (CONSTRAINT identifier)? UNIQUE                                    # uniqueColumnConstraint
    | DEFAULT expression                                                 # defaultConstraint
    | (CONSTRAINT identifier)? CHECK LPAREN expression RPAREN            # checkColumnConstraint
    | (CONSTRAINT identifier)? REFERENCES tableName (LPAREN identifier (COMMA identifier)* RPAREN)? referentialAction*  # referencesConstraint
    | GENERATED (ALWAYS | BY DEFAULT) AS IDENTITY (LPAREN sequenceOption* RPAREN)?  # identityConstraint
    | (AUTO_INCREMENT | IDENTITY)                                        # autoIncrementConstraint
    | (GENERATED ALWAYS)? AS LPAREN expression RPAREN STORED?            # generatedColumnConstraint
    ;

tableConstraint
    : (CONSTRAINT name=identifier)? PRIMARY KEY LPAREN columns+=identifier (COMMA columns+=identifier)* RPAREN   # primaryKeyConstraint
    | (CONSTRAINT name=identifier)? UNIQUE LPAREN columns+=identifier (COMMA columns+=identifier)* RPAREN        # uniqueConstraint
    | (CONSTRAINT name=identifier)? CHECK LPAREN expression RPAREN                                              # checkConstraint
    | (CONSTRAINT name=identifier)? FOREIGN KEY LPAREN columns+=identifier (COMMA columns+=identifier)* RPAREN
      REFERENCES tableName (LPAREN refColumns+=identifier (COMMA refColumns+=identifier)* RPAREN)? referentialAction*  # foreignKeyConstraint
    ;

referentialAction
    : ON (DELETE | UPDATE) (CASCADE | RESTRICT | NO ACTION | SET NULL | SET DEFAULT)
    ;

dataType
    : BOOLEAN                                                         # booleanType
    | TINYINT                                                         # tinyintType
    | SMALLINT                                                        # smallintType
    | (INTEGER | INT)                                                 # integerType
    | BIGINT                                                          # bigintType
    | REAL                                                            # realType
    | (DOUBLE PRECISION? | FLOAT)                                     # doubleType
    | (DECIMAL | NUMERIC) (LPAREN precision=INTEGER_LITERAL (COMMA scale=INTEGER_LITERAL)? RPAREN)?  # decimalType
    | (CHAR | CHARACTER) (LPAREN length=INTEGER_LITERAL RPAREN)?      # charType
    | (VARCHAR | CHARACTER VARYING | VARCHAR2) (LPAREN length=INTEGER_LITERAL RPAREN)?  # varcharType
    | (CLOB | TEXT | LONGVARCHAR) (LPAREN INTEGER_LITERAL RPAREN)?    # clobType
    | (BLOB | BYTEA | LONGVARBINARY) (LPAREN INTEGER_LITERAL RPAREN)? # blobType
    | UUID                                                            # uuidType
    | JSON                                                            # jsonType
    | (VARBINARY | BINARY VARYING) (LPAREN length=INTEGER_LITERAL RPAREN)?  # varbinaryType
    | BINARY (LPAREN length=INTEGER_LITERAL RPAREN)?                  # binaryType
    | DATE                                                            # dateType
    | TIME                                                            # timeType
    | TIMESTAMP (LPAREN INTEGER_LITERAL RPAREN)? WITH TIME ZONE       # timestampTzType
    | TIMESTAMP (LPAREN INTEGER_LITERAL RPAREN)? (WITHOUT TIME ZONE)? # timestampType
    | DATETIME (LPAREN INTEGER_LITERAL RPAREN)?                       # timestampType
    | TIME (LPAREN INTEGER_LITERAL RPAREN)? (WITHOUT TIME ZONE)?      # timeWithPrecisionType
    ;

dropTable
    : DROP TABLE (IF EXISTS)? tableName (CASCADE | RESTRICT)?
    ;

alterTable
    : ALTER TABLE (IF EXISTS)? tableName alterAction
    ;

alterAction
    : ADD COLUMN? (IF NOT EXISTS)? columnDefinition                      # addColumn
    | DROP COLUMN? (IF EXISTS)? identifier (CASCADE | RESTRICT)?       # dropColumn
    | RENAME COLUMN from=identifier TO to=identifier                    # renameColumn
    | RENAME TO tableName                                               # renameTable
    | ADD tableConstraint                                               # addConstraint
    | DROP CONSTRAINT (IF EXISTS)? identifier                           # dropConstraint
    | ALTER COLUMN? column=identifier alterColumnAction                 # alterColumn
    | MODIFY COLUMN? column=identifier dataType columnConstraint*       # modifyColumn
    ;

// What Liquibase, H2 and PostgreSQL send to change one column.
alterColumnAction
    : (SET DATA)? TYPE dataType                                         # setDataType
    | SET? NOT NULL                                                     # setNotNull
    | (DROP NOT NULL | SET? NULL)                                       # dropNotNull
    | SET DEFAULT expression                                            # setDefault
    | DROP DEFAULT                                                      # dropDefault
    | RENAME TO identifier                                              # renameColumnTo
    | dataType columnConstraint*                                        # redefineColumn
    ;

createIndex
    : CREATE UNIQUE? INDEX (IF NOT EXISTS)? name=tableName ON table=tableName LPAREN indexColumn (COMMA indexColumn)* RPAREN
    ;

indexColumn
    : identifier (ASC | DESC)?
    ;

dropIndex
    : DROP INDEX (IF EXISTS)? tableName
    ;

createSequence
    : CREATE SEQUENCE (IF NOT EXISTS)? tableName sequenceOption*
    ;

sequenceOption
    : START WITH? signedInteger          # startWith
    | INCREMENT BY? signedInteger        # incrementBy
    | MINVALUE signedInteger             # minValue
    | MAXVALUE signedInteger             # maxValue
    | NO (MINVALUE | MAXVALUE | CYCLE)   # noOption
    | CYCLE                              # cycleOption
    | CACHE INTEGER_LITERAL              # cacheOption
    | AS dataType                        # sequenceType
    ;

signedInteger
    : (MINUS | PLUS)? INTEGER_LITERAL
    ;

dropSequence
    : DROP SEQUENCE (IF EXISTS)? tableName
    ;

createSchema
    : CREATE SCHEMA (IF NOT EXISTS)? identifier
    ;

dropSchema
    : DROP SCHEMA (IF EXISTS)? identifier (CASCADE | RESTRICT)?
    ;

truncateTable
    : TRUNCATE TABLE tableName
    ;

// A stored query; the text after AS is kept and planned wherever the view is named.
createView
    : CREATE (OR REPLACE)? VIEW (IF NOT EXISTS)? tableName (LPAREN identifier (COMMA identifier)* RPAREN)? AS query
    ;

dropView
    : DROP VIEW (IF EXISTS)? tableName (COMMA tableName)* (CASCADE | RESTRICT)?
    ;

// H2's and MySQL's listings, answered from INFORMATION_SCHEMA.
showStatement
    : SHOW TABLES ((FROM | IN) schema=identifier)?                                          # showTables
    | SHOW SCHEMAS                                                                           # showSchemas
    | SHOW COLUMNS (FROM | IN) tableName ((FROM | IN) schema=identifier)?                    # showColumns
    ;

// ---------------------------------------------------------------- DML

insertStatement
    : INSERT INTO tableName (LPAREN identifier (COMMA identifier)* RPAREN)?
      ( VALUES valuesRow (COMMA valuesRow)*
      | query )
      onConflict?
    ;

// PostgreSQL's upsert: the conflict is on the primary key.
onConflict
    : ON CONFLICT (LPAREN identifier (COMMA identifier)* RPAREN)? DO (NOTHING | UPDATE SET assignment (COMMA assignment)*)
    ;

valuesRow
    : LPAREN expression (COMMA expression)* RPAREN
    ;

updateStatement
    : UPDATE tableName (AS? alias=identifier)? SET assignment (COMMA assignment)* (WHERE where=expression)?
    ;

// H2, HSQLDB and jOOQ may name the target with its table: SET book.price = ...
assignment
    : (qualifier=identifier DOT)? column=identifier EQ expression
    ;

deleteStatement
    : DELETE FROM tableName (AS? alias=identifier)? (WHERE where=expression)?
    ;

// The standard MERGE; the first WHEN clause whose kind and condition fit a row applies to it.
mergeStatement
    : MERGE INTO tableName (AS? alias=identifier)? USING tableReference ON condition=expression mergeWhen+
    ;

mergeWhen
    : WHEN MATCHED (AND condition=expression)? THEN (UPDATE SET assignment (COMMA assignment)* | DELETE)   # whenMatched
    | WHEN NOT MATCHED (AND condition=expression)? THEN INSERT (LPAREN identifier (COMMA identifier)* RPAREN)? VALUES valuesRow  # whenNotMatched
    ;

// ---------------------------------------------------------------- key/value statements

// Upsert by primary key.
putStatement
    : PUT INTO tableName (LPAREN identifier (COMMA identifier)* RPAREN)? VALUES valuesRow (COMMA valuesRow)*
    ;

// One row by its full primary key.
getStatement
    : GET FROM tableName WHERE keyCondition (AND keyCondition)*
    ;

keyCondition
    : identifier EQ valueExpression
    ;

// Rows in primary-key order from a key (inclusive) to a key (exclusive); a key may be a prefix of the primary key.
scanStatement
    : SCAN tableName (FROM from=keyTuple)? (TO to=keyTuple)? (LIMIT limit=expression)? REVERSE?
    ;

keyTuple
    : LPAREN expression (COMMA expression)* RPAREN
    | expression
    ;

// ---------------------------------------------------------------- maintenance

explainStatement
    : EXPLAIN (PLAN FOR)? query
    ;

checkpointStatement
    : CHECKPOINT
    ;

// A session setting: SET LOCK_TIMEOUT 5000, SET lock_timeout = '5s', SET lock_timeout TO 0, SET SCHEMA s,
// SET search_path TO s, public.
setStatement
    : SET setting=identifier (EQ | TO)? setValue (COMMA setValue)*
    ;

setValue
    : INTEGER_LITERAL | STRING_LITERAL | identifier | TRUE | FALSE
    ;

analyzeStatement
    : ANALYZE TABLE? tableName?
    | UPDATE STATISTICS (FOR? TABLE? tableName)?
    ;

verifyStatement
    : VERIFY INTEGRITY
    ;

// CALL expression: one row with the expression's value (as H2), e.g. CALL UPPER(?); the JDBC escapes
// {call f(?)} and {? = call f(?)} become this. There are no stored procedures: f is a function.
callStatement
    : CALL expression
    ;

// ---------------------------------------------------------------- queries

query
    : withClause? queryExpression orderBy? limitClause?
    ;

// PostgreSQL accepts the locking clause before or after LIMIT/OFFSET; only one of the two places may have it.
lockingQuery
    : query forLocking+ limitClause?
    ;

forLocking
    : FOR (UPDATE | NO KEY UPDATE | SHARE | KEY SHARE) (OF tableName (COMMA tableName)*)? (NOWAIT | SKIP_ LOCKED)?
    ;

withClause
    : WITH RECURSIVE? withItem (COMMA withItem)*
    ;

withItem
    : identifier (LPAREN identifier (COMMA identifier)* RPAREN)? AS LPAREN query RPAREN
    ;

// INTERSECT binds tighter than UNION and EXCEPT, as in the standard.
queryExpression
    : queryPrimary                                                                     # primaryQuery
    | left=queryExpression INTERSECT setQuantifier? right=queryExpression             # intersectQuery
    | left=queryExpression op=(UNION | EXCEPT | MINUS_SET) setQuantifier? right=queryExpression  # unionQuery
    ;

queryPrimary
    : querySpecification                                                              # simpleQuery
    | LPAREN query RPAREN                                                             # parenthesizedQuery
    | VALUES valuesRow (COMMA valuesRow)*                                             # valuesQuery
    ;

querySpecification
    : SELECT setQuantifier? selectItem (COMMA selectItem)*
      (FROM fromItem (COMMA fromItem)*)?
      (WHERE where=expression)?
      (GROUP BY groupItems+=groupingElement (COMMA groupItems+=groupingElement)*)?
      (HAVING having=expression)?
      (WINDOW windowDefinition (COMMA windowDefinition)*)?
    ;

groupingElement
    : ROLLUP LPAREN groupingColumns (COMMA groupingColumns)* RPAREN                 # rollup
    | CUBE LPAREN groupingColumns (COMMA groupingColumns)* RPAREN                   # cube
    | GROUPING SETS LPAREN groupingElement (COMMA groupingElement)* RPAREN          # groupingSets
    | groupingColumns                                                               # ordinaryGrouping
    ;

// (a, b) groups by both together; () is the grand total.
groupingColumns
    : LPAREN RPAREN
    | LPAREN expression (COMMA expression)+ RPAREN
    | expression
    ;

windowDefinition
    : identifier AS windowSpecification
    ;

overClause
    : OVER (identifier | windowSpecification)
    ;

windowSpecification
    : LPAREN existing=identifier? (PARTITION BY partitions+=expression (COMMA partitions+=expression)*)? orderBy? windowFrame? RPAREN
    ;

windowFrame
    : unit=(ROWS | RANGE) (BETWEEN lower=frameBound AND upper=frameBound | lower=frameBound)
    ;

frameBound
    : UNBOUNDED PRECEDING                                             # unboundedPreceding
    | UNBOUNDED FOLLOWING                                             # unboundedFollowing
    | CURRENT ROW                                                     # currentRow
    | valueExpression (PRECEDING | FOLLOWING)                         # offsetBound
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

selectItem
    : ASTERISK                                                        # selectAll
    | identifier DOT ASTERISK                                         # selectAllOf
    | expression (AS? identifier)?                                    # selectExpression
    ;

fromItem
    : tableReference joinPart*
    ;

joinPart
    : joinType JOIN tableReference ON expression                      # qualifiedJoin
    | CROSS JOIN tableReference                                       # crossJoin
    ;

joinType
    : INNER?
    | LEFT OUTER?
    | RIGHT OUTER?
    | FULL OUTER?
    ;

tableReference
    : tableName (AS? identifier)?                                     # namedTable
    | LPAREN query RPAREN AS? alias=identifier (LPAREN columnAliases+=identifier (COMMA columnAliases+=identifier)* RPAREN)?  # derivedTable
    ;

orderBy
    : ORDER BY sortItem (COMMA sortItem)*
    ;

sortItem
    : expression (ASC | DESC)? (NULLS (FIRST | LAST))?
    ;

limitClause
    : LIMIT limit=expression (OFFSET offset=expression)?
    | OFFSET offset=expression (ROW | ROWS)? (FETCH (FIRST | NEXT) limit=expression (ROW | ROWS) ONLY)?
    | FETCH (FIRST | NEXT) limit=expression (ROW | ROWS) ONLY
    ;

// ---------------------------------------------------------------- expressions (lowest precedence last)

expression
    : booleanExpression
    ;

booleanExpression
    : NOT booleanExpression                                           # logicalNot
    | left=booleanExpression AND right=booleanExpression              # logicalAnd
    | left=booleanExpression OR right=booleanExpression               # logicalOr
    | predicate                                                       # predicated
    ;

predicate
    : valueExpression                                                 # plainValue
    | left=valueExpression comparisonOperator right=valueExpression   # comparison
    | valueExpression IS NOT? NULL                                    # nullPredicate
    | valueExpression IS NOT? truth=(TRUE | FALSE | UNKNOWN)          # truthPredicate
    | valueExpression IS NOT? JSON jsonKind=(VALUE | OBJECT | ARRAY | SCALAR)?  # jsonPredicate
    | valueExpression NOT? BETWEEN lower=valueExpression AND upper=valueExpression  # betweenPredicate
    | valueExpression NOT? IN LPAREN expression (COMMA expression)* RPAREN         # inListPredicate
    | valueExpression NOT? IN LPAREN query RPAREN                     # inQueryPredicate
    | valueExpression NOT? LIKE pattern=valueExpression (ESCAPE escape=valueExpression)?  # likePredicate
    | EXISTS LPAREN query RPAREN                                      # existsPredicate
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

valueExpression
    : primaryExpression                                               # primary
    | op=(MINUS | PLUS) valueExpression                               # unaryArithmetic
    | left=valueExpression op=(ASTERISK | SLASH | PERCENT) right=valueExpression  # multiplicative
    | left=valueExpression op=(PLUS | MINUS) right=valueExpression    # additive
    | left=valueExpression CONCAT right=valueExpression               # concatenation
    ;

primaryExpression
    : literal                                                         # literalValue
    | QUESTION                                                        # parameter
    | CAST LPAREN expression AS dataType RPAREN                       # cast
    | CASE valueExpression whenClause+ (ELSE elseExpr=expression)? END  # simpleCase
    | CASE whenClause+ (ELSE elseExpr=expression)? END                # searchedCase
    | COUNT LPAREN ASTERISK RPAREN overClause?                        # countAll
    | SUBSTRING LPAREN value=expression FROM start=expression (FOR length=expression)? RPAREN  # substringFrom
    | TRIM LPAREN (trimSide=(BOTH | LEADING | TRAILING)? chars=expression? FROM)? value=expression RPAREN  # trim
    | POSITION LPAREN needle=valueExpression IN haystack=expression RPAREN  # position
    | EXTRACT LPAREN timeUnit FROM expression RPAREN                  # extract
    | NEXT VALUE FOR tableName                                        # nextValue
    | JSON_OBJECT LPAREN (jsonEntry (COMMA jsonEntry)*)? jsonNullClause? RPAREN  # jsonObject
    | JSON_ARRAY LPAREN (expression (COMMA expression)*)? jsonNullClause? RPAREN  # jsonArray
    | functionName LPAREN (setQuantifier? expression (COMMA expression)*)? RPAREN overClause?  # functionCall
    | LPAREN query RPAREN                                             # scalarSubquery
    | LPAREN expression RPAREN                                        # parenthesized
    | identifier (DOT identifier)*                                    # columnReference
    | (CURRENT_DATE | CURRENT_TIME | CURRENT_TIMESTAMP)               # currentDateTime
    ;

// JSON_OBJECT's members: KEY 'k' VALUE v or 'k' VALUE v
jsonEntry
    : KEY? key=expression VALUE value=expression
    ;

jsonNullClause
    : (NULL | ABSENT) ON NULL
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

functionName
    : identifier
    | LEFT | RIGHT | COUNT | SUBSTRING | TRIM | POSITION | VALUES
    ;

timeUnit
    : YEAR | QUARTER | MONTH | WEEK | DAY | HOUR | MINUTE | SECOND | MILLISECOND | DOW | DOY | EPOCH
    ;

literal
    : NULL                                                            # nullLiteral
    | (TRUE | FALSE)                                                  # booleanLiteral
    | INTEGER_LITERAL                                                 # integerLiteral
    | DECIMAL_LITERAL                                                 # decimalLiteral
    | STRING_LITERAL                                                  # stringLiteral
    | BINARY_LITERAL                                                  # binaryLiteral
    | DATE STRING_LITERAL                                             # dateLiteral
    | TIME STRING_LITERAL                                             # timeLiteral
    | TIMESTAMP STRING_LITERAL                                        # timestampLiteral
    ;

tableName
    : identifier (DOT identifier)?
    ;

identifier
    : IDENTIFIER                                                      # unquotedIdentifier
    | QUOTED_IDENTIFIER                                               # quotedIdentifier
    | nonReserved                                                     # nonReservedIdentifier
    ;

// Keywords that may still be used as names.
nonReserved
    : KEY | PLAN | INTEGRITY | CHECKPOINT | VERIFY | FIRST | LAST | NEXT | ROW | ROWS | ONLY | NULLS
    | PRECISION | DATE | TIME | TIMESTAMP | VARYING | ESCAPE | EXPLAIN | CALL
    | PUT | GET | SCAN | REVERSE | CONFLICT | NOTHING | DO | TO
    | ACTION | ALWAYS | CACHE | CASCADE | COLUMN | CYCLE | GENERATED | IDENTITY | INCREMENT | INDEX
    | MAXVALUE | MINVALUE | NO | RENAME | RESTRICT | SCHEMA | SEQUENCE | START | ANALYZE | STATISTICS
    | YEAR | QUARTER | MONTH | WEEK | DAY | HOUR | MINUTE | SECOND | MILLISECOND | DOW | DOY | EPOCH
    | TEXT | UUID | CLOB | BLOB | BYTEA | ZONE | VALUE | UNKNOWN | BOTH | LEADING | TRAILING
    | POSITION | SUBSTRING | TRIM | EXTRACT | LONGVARCHAR | LONGVARBINARY | VARCHAR2 | WITHOUT
    | SHARE | NOWAIT | SKIP_ | LOCKED | OF | DATA | TYPE | MODIFY | DATETIME
    | STORED | JSON | OBJECT | ARRAY | SCALAR | ABSENT
    | VIEW | REPLACE | SHOW | TABLES | SCHEMAS | COLUMNS
    | PARTITION | RANGE | UNBOUNDED | PRECEDING | FOLLOWING | CURRENT | RECURSIVE | ROLLUP | CUBE | GROUPING | SETS
    | MERGE | MATCHED
    | GLOBAL | LOCAL | TEMPORARY | TEMP | PRESERVE | COMMIT
    ;
