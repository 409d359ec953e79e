/*
 * LightningSql: the one definition of LightningDB's SQL dialect.
 *
 * Keywords are case-insensitive. Unquoted identifiers fold to upper case; "quoted" identifiers keep
 * their case. Statements are separated by ';'. The parse tree is turned into Calcite SqlNodes (queries,
 * expressions) or LightningDB commands (DDL, DML) by dev.lightningdb.sql.parser.AstBuilder.
 */
grammar LightningSql;

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
    | DROP COLUMN? (IF EXISTS)? identifier                              # dropColumn
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
    : WITH withItem (COMMA withItem)*
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
      (GROUP BY groupItems+=expression (COMMA groupItems+=expression)*)?
      (HAVING having=expression)?
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
    | COUNT LPAREN ASTERISK RPAREN                                    # countAll
    | SUBSTRING LPAREN value=expression FROM start=expression (FOR length=expression)? RPAREN  # substringFrom
    | TRIM LPAREN (trimSide=(BOTH | LEADING | TRAILING)? chars=expression? FROM)? value=expression RPAREN  # trim
    | POSITION LPAREN needle=valueExpression IN haystack=expression RPAREN  # position
    | EXTRACT LPAREN timeUnit FROM expression RPAREN                  # extract
    | NEXT VALUE FOR tableName                                        # nextValue
    | functionName LPAREN (setQuantifier? expression (COMMA expression)*)? RPAREN  # functionCall
    | LPAREN query RPAREN                                             # scalarSubquery
    | LPAREN expression RPAREN                                        # parenthesized
    | identifier (DOT identifier)*                                    # columnReference
    | (CURRENT_DATE | CURRENT_TIME | CURRENT_TIMESTAMP)               # currentDateTime
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
    | GLOBAL | LOCAL | TEMPORARY | TEMP | PRESERVE | COMMIT
    ;

// ---------------------------------------------------------------- lexer

GLOBAL: G L O B A L; LOCAL: L O C A L; TEMPORARY: T E M P O R A R Y; TEMP: T E M P; PRESERVE: P R E S E R V E;
COMMIT: C O M M I T;
ALL: A L L; AND: A N D; AS: A S; ASC: A S C; BETWEEN: B E T W E E N; BIGINT: B I G I N T;
BINARY: B I N A R Y; BOOLEAN: B O O L E A N; BY: B Y; CASE: C A S E; CAST: C A S T; CHAR: C H A R;
CHARACTER: C H A R A C T E R; CHECKPOINT: C H E C K P O I N T; CONSTRAINT: C O N S T R A I N T;
COUNT: C O U N T; CREATE: C R E A T E; CROSS: C R O S S; CURRENT_DATE: C U R R E N T '_' D A T E;
CURRENT_TIME: C U R R E N T '_' T I M E; CURRENT_TIMESTAMP: C U R R E N T '_' T I M E S T A M P;
DATE: D A T E; DATETIME: D A T E T I M E; DECIMAL: D E C I M A L; DEFAULT: D E F A U L T; DELETE: D E L E T E; DESC: D E S C;
DISTINCT: D I S T I N C T; DOUBLE: D O U B L E; DROP: D R O P; ELSE: E L S E; END: E N D;
ESCAPE: E S C A P E; EXISTS: E X I S T S; EXPLAIN: E X P L A I N; FALSE: F A L S E; FETCH: F E T C H;
FIRST: F I R S T; FLOAT: F L O A T; FOR: F O R; FROM: F R O M; FULL: F U L L; GROUP: G R O U P;
HAVING: H A V I N G; IF: I F; IN: I N; INNER: I N N E R; INSERT: I N S E R T; INT: I N T;
INTEGER: I N T E G E R; INTEGRITY: I N T E G R I T Y; INTO: I N T O; IS: I S; JOIN: J O I N;
KEY: K E Y; LAST: L A S T; LEFT: L E F T; LIKE: L I K E; LIMIT: L I M I T; NEXT: N E X T; NOT: N O T;
NULL: N U L L; NULLS: N U L L S; NUMERIC: N U M E R I C; OFFSET: O F F S E T; ON: O N; ONLY: O N L Y;
OR: O R; ORDER: O R D E R; OUTER: O U T E R; PLAN: P L A N; PRECISION: P R E C I S I O N;
PRIMARY: P R I M A R Y; REAL: R E A L; RIGHT: R I G H T; ROW: R O W; ROWS: R O W S; SELECT: S E L E C T;
SET: S E T; SMALLINT: S M A L L I N T; TABLE: T A B L E; THEN: T H E N; TIME: T I M E;
TIMESTAMP: T I M E S T A M P; TINYINT: T I N Y I N T; TRUE: T R U E; UPDATE: U P D A T E;
VALUES: V A L U E S; VARBINARY: V A R B I N A R Y; VARCHAR: V A R C H A R; VARYING: V A R Y I N G;
VERIFY: V E R I F Y; WHEN: W H E N; WHERE: W H E R E;
CALL: C A L L;
BLOB: B L O B; CONFLICT: C O N F L I C T; DO: D O; GET: G E T; NOTHING: N O T H I N G; PUT: P U T; REVERSE: R E V E R S E;
SCAN: S C A N; TO: T O; ANALYZE: A N A L Y Z E; STATISTICS: S T A T I S T I C S;
ACTION: A C T I O N; ADD: A D D; ALTER: A L T E R; ALWAYS: A L W A Y S; AUTO_INCREMENT: A U T O '_' I N C R E M E N T;
CACHE: C A C H E; CASCADE: C A S C A D E; CHECK: C H E C K; COLUMN: C O L U M N; CYCLE: C Y C L E; FOREIGN: F O R E I G N;
GENERATED: G E N E R A T E D; IDENTITY: I D E N T I T Y; INCREMENT: I N C R E M E N T; INDEX: I N D E X;
MAXVALUE: M A X V A L U E; MINVALUE: M I N V A L U E; NO: N O; REFERENCES: R E F E R E N C E S; RENAME: R E N A M E;
RESTRICT: R E S T R I C T; SCHEMA: S C H E M A; SEQUENCE: S E Q U E N C E; START: S T A R T; TRUNCATE: T R U N C A T E;
UNIQUE: U N I Q U E; BOTH: B O T H; BYTEA: B Y T E A; CLOB: C L O B; DAY: D A Y; DOW: D O W; DOY: D O Y; EPOCH: E P O C H;
EXCEPT: E X C E P T; EXTRACT: E X T R A C T; HOUR: H O U R; INTERSECT: I N T E R S E C T; LEADING: L E A D I N G;
LONGVARBINARY: L O N G V A R B I N A R Y; LONGVARCHAR: L O N G V A R C H A R; MILLISECOND: M I L L I S E C O N D;
MINUS_SET: M I N U S; MINUTE: M I N U T E; MONTH: M O N T H; POSITION: P O S I T I O N; QUARTER: Q U A R T E R;
SECOND: S E C O N D; SUBSTRING: S U B S T R I N G; TEXT: T E X T; TRAILING: T R A I L I N G; TRIM: T R I M;
UNION: U N I O N; UNKNOWN: U N K N O W N; UUID: U U I D; VALUE: V A L U E; VARCHAR2: V A R C H A R '2';
DATA: D A T A; TYPE: T Y P E; MODIFY: M O D I F Y;
SHARE: S H A R E; NOWAIT: N O W A I T; SKIP_: S K I P; LOCKED: L O C K E D; OF: O F;
WEEK: W E E K; WITH: W I T H; WITHOUT: W I T H O U T; YEAR: Y E A R; ZONE: Z O N E;

EQ: '='; NEQ: '<>' | '!='; LT: '<'; LTE: '<='; GT: '>'; GTE: '>=';
PLUS: '+'; MINUS: '-'; ASTERISK: '*'; SLASH: '/'; PERCENT: '%'; CONCAT: '||';
LPAREN: '('; RPAREN: ')'; COMMA: ','; DOT: '.'; SEMI: ';'; QUESTION: '?';

STRING_LITERAL: '\'' ( ~'\'' | '\'\'' )* '\'';
BINARY_LITERAL: X '\'' HEX_DIGIT* '\'';
INTEGER_LITERAL: DIGIT+;
DECIMAL_LITERAL: DIGIT+ '.' DIGIT* EXPONENT? | '.' DIGIT+ EXPONENT? | DIGIT+ EXPONENT;
IDENTIFIER: (LETTER | '_') (LETTER | DIGIT | '_' | '$')*;
QUOTED_IDENTIFIER: '"' ( ~'"' | '""' )* '"';

LINE_COMMENT: '--' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT: '/*' .*? '*/' -> channel(HIDDEN);
WS: [ \t\r\n\f]+ -> channel(HIDDEN);

// Anything else is a token of its own so that the parser reports it with its position.
UNRECOGNIZED: .;

fragment EXPONENT: E [+-]? DIGIT+;
fragment DIGIT: [0-9];
fragment HEX_DIGIT: [0-9a-fA-F];
fragment LETTER: [a-zA-Z\u0080-\uFFFF];
fragment A: [aA]; fragment B: [bB]; fragment C: [cC]; fragment D: [dD]; fragment E: [eE];
fragment F: [fF]; fragment G: [gG]; fragment H: [hH]; fragment I: [iI]; fragment J: [jJ];
fragment K: [kK]; fragment L: [lL]; fragment M: [mM]; fragment N: [nN]; fragment O: [oO];
fragment P: [pP]; fragment Q: [qQ]; fragment R: [rR]; fragment S: [sS]; fragment T: [tT];
fragment U: [uU]; fragment V: [vV]; fragment W: [wW]; fragment X: [xX]; fragment Y: [yY];
fragment Z: [zZ];
