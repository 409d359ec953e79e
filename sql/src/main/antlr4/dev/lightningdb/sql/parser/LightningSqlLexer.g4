/*
 * The tokens of LightningDB's SQL dialect (LightningSqlParser.g4 holds the rules). Keywords are
 * case-insensitive: each letter is a fragment matching both cases. A keyword the parser accepts as a
 * name is listed in the parser's nonReserved rule.
 */
lexer grammar LightningSqlLexer;

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
STORED: S T O R E D; JSON: J S O N; OBJECT: O B J E C T; ARRAY: A R R A Y; SCALAR: S C A L A R;
ABSENT: A B S E N T; JSON_OBJECT: J S O N '_' O B J E C T; JSON_ARRAY: J S O N '_' A R R A Y;
SHARE: S H A R E; NOWAIT: N O W A I T; SKIP_: S K I P; LOCKED: L O C K E D; OF: O F;
VIEW: V I E W; REPLACE: R E P L A C E; SHOW: S H O W; TABLES: T A B L E S; SCHEMAS: S C H E M A S;
COLUMNS: C O L U M N S;
OVER: O V E R; PARTITION: P A R T I T I O N; RANGE: R A N G E; UNBOUNDED: U N B O U N D E D;
PRECEDING: P R E C E D I N G; FOLLOWING: F O L L O W I N G; CURRENT: C U R R E N T; WINDOW: W I N D O W;
RECURSIVE: R E C U R S I V E; ROLLUP: R O L L U P; CUBE: C U B E; GROUPING: G R O U P I N G; SETS: S E T S;
MERGE: M E R G E; MATCHED: M A T C H E D; USING: U S I N G;
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
