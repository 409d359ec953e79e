package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses statement text into {@link Statement}s. Tries ANTLR's fast SLL mode first and falls back
 * to full LL only when SLL fails, which also produces the precise error message. Thread-safe: each
 * call builds its own lexer and parser.
 */
public final class SqlParser {
    private static final int MAX_EXPECTED_SHOWN = 8;
    /**
     * Deeper parenthesis nesting is refused up front: past it the parse time grows steeply (ANTLR's
     * prediction looks across the nested text at each level; 150 parentheses around 60 NOTs took
     * 10 s) and deeper still recursion could exhaust the stack.
     */
    public static final int MAX_NESTING = 64;
    /**
     * Deeper nesting of subqueries is refused up front: each level makes ANTLR's prediction look
     * ahead over the whole nested text (a predicate's alternatives share their first operand), so
     * the parse time grows steeply with depth; 190 nested scalar subqueries took 15-30 s.
     */
    public static final int MAX_SUBQUERY_NESTING = 32;

    private SqlParser() {
    }

    /** Parses exactly one statement (a trailing ';' is allowed) for a session whose current schema is PUBLIC. */
    public static Statement parse(String sql) {
        return parse(sql, QualifiedName.DEFAULT_SCHEMA);
    }

    /**
     * Parses exactly one statement (a trailing ';' is allowed) for a session whose current schema is
     * {@code schema}: the names it writes without a schema are in that one ({@link SchemaNames}).
     */
    public static Statement parse(String sql, String schema) {
        if (sql == null) {
            throw new SqlError(SqlError.SYNTAX, "SQL text must not be null");
        }
        checkNesting(sql);
        try {
            LightningSqlParser.SingleStatementContext tree = parseTree(sql, LightningSqlParser::singleStatement);
            return new StatementBuilder(schema).build(tree.statement());
        } catch (StackOverflowError e) {
            throw tooComplex();
        }
    }

    /** Parses a script of statements separated by ';'. */
    public static List<Statement> parseScript(String sql) {
        if (sql == null) {
            throw new SqlError(SqlError.SYNTAX, "SQL text must not be null");
        }
        checkNesting(sql);
        try {
            LightningSqlParser.ScriptContext tree = parseTree(sql, LightningSqlParser::script);
            List<Statement> statements = new ArrayList<>();
            for (LightningSqlParser.StatementContext s : tree.statement()) {
                statements.add(new StatementBuilder(QualifiedName.DEFAULT_SCHEMA).build(s));
            }
            return statements;
        } catch (StackOverflowError e) {
            throw tooComplex();
        }
    }

    static SqlError tooComplex() {
        return new SqlError(SqlError.TOO_COMPLEX, "The statement is too deeply nested or too long an expression to process");
    }

    /**
     * Refuses parentheses nested deeper than {@link #MAX_NESTING}, subqueries (a parenthesis whose
     * first word is SELECT, VALUES or WITH) deeper than {@link #MAX_SUBQUERY_NESTING}, or CASE deeper
     * than {@link ExpressionBuilder#MAX_CASE_DEPTH} (outside quotes), with the position.
     */
    private static void checkNesting(String sql) {
        int depth = 0;
        int subqueries = 0;
        boolean[] subquery = new boolean[MAX_NESTING + 1]; // per open parenthesis: does a subquery start there
        boolean afterParen = false;
        int cases = 0;
        int line = 1;
        int column = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                if (++depth > MAX_NESTING) {
                    throw new SqlError(SqlError.TOO_COMPLEX, "Parentheses nested more than " + MAX_NESTING + " deep at line " + line
                            + ", column " + column);
                }
                subquery[depth] = false;
                afterParen = true;
                continue;
            } else if (c == ')') {
                if (depth > 0 && subquery[depth]) {
                    subqueries--;
                }
                depth = Math.max(0, depth - 1);
            } else if (Character.isLetter(c) && (i == 0 || !isWordPart(sql.charAt(i - 1)))) {
                // CASE ... END nesting too: ANTLR's full-context prediction over hundreds of nested CASEs
                // exhausts the heap before the builder could count them
                int end = i;
                while (end < sql.length() && isWordPart(sql.charAt(end))) {
                    end++;
                }
                if (afterParen && depth > 0 && isQueryStart(sql, i, end)) {
                    subquery[depth] = true;
                    if (++subqueries > MAX_SUBQUERY_NESTING) {
                        throw new SqlError(SqlError.TOO_COMPLEX, "Subqueries nested more than " + MAX_SUBQUERY_NESTING
                                + " deep at line " + line + ", column " + column);
                    }
                }
                if (end - i == 4 && sql.regionMatches(true, i, "CASE", 0, 4) && ++cases > ExpressionBuilder.MAX_CASE_DEPTH) {
                    throw new SqlError(SqlError.TOO_COMPLEX, "CASE nested more than " + ExpressionBuilder.MAX_CASE_DEPTH
                            + " deep at line " + line + ", column " + column);
                } else if (end - i == 3 && sql.regionMatches(true, i, "END", 0, 3)) {
                    cases = Math.max(0, cases - 1);
                }
                column += end - 1 - i;
                i = end - 1;
            }
            afterParen &= Character.isWhitespace(c);
        }
    }

    private static boolean isQueryStart(String sql, int from, int end) {
        int n = end - from;
        return (n == 6 && (sql.regionMatches(true, from, "SELECT", 0, 6) || sql.regionMatches(true, from, "VALUES", 0, 6)))
                || (n == 4 && sql.regionMatches(true, from, "WITH", 0, 4));
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private interface Rule<T> {
        T apply(LightningSqlParser parser);
    }

    private static <T> T parseTree(String sql, Rule<T> rule) {
        try {
            return parseTree0(sql, rule);
        } finally {
            ParserCaches.bound();
        }
    }

    private static <T> T parseTree0(String sql, Rule<T> rule) {
        LightningSqlParser parser = newParser(sql);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return rule.apply(parser);
        } catch (ParseCancellationException | SqlError e) {
            // SLL could not decide, or the text is wrong: parse again with full LL for the exact message
        }
        parser = newParser(sql);
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.setErrorHandler(new DefaultErrorStrategy());
        return rule.apply(parser);
    }

    private static LightningSqlParser newParser(String sql) {
        LightningSqlLexer lexer = ParserCaches.lexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        lexer.addErrorListener(ThrowingListener.INSTANCE);
        LightningSqlParser parser = ParserCaches.parser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(ThrowingListener.INSTANCE);
        return parser;
    }

    /** Reports the first syntax error as an {@link SqlError} with line and column. */
    private static final class ThrowingListener extends BaseErrorListener {
        static final ThrowingListener INSTANCE = new ThrowingListener();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                                String msg, RecognitionException e) {
            String what = msg;
            if (offendingSymbol instanceof Token t) {
                String text = t.getType() == Token.EOF ? "end of input" : "'" + abbreviate(t.getText()) + "'";
                what = "unexpected " + text + expected(recognizer, e);
            }
            throw SqlError.syntax(line, charPositionInLine + 1, what);
        }

        private static String expected(Recognizer<?, ?> recognizer, RecognitionException e) {
            if (!(recognizer instanceof LightningSqlParser parser)) {
                return "";
            }
            try {
                var expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
                List<String> names = new ArrayList<>();
                for (int type : expected.toArray()) {
                    names.add(type == Token.EOF ? "end of input" : parser.getVocabulary().getDisplayName(type));
                }
                if (names.isEmpty()) {
                    return "";
                }
                if (names.size() > MAX_EXPECTED_SHOWN) {
                    return ", expecting one of " + String.join(", ", names.subList(0, MAX_EXPECTED_SHOWN)) + ", ...";
                }
                return ", expecting " + String.join(", ", names);
            } catch (RuntimeException ignored) {
                return ""; // the expected set is a nicety; never let it hide the real error
            }
        }

        private static String abbreviate(String s) {
            return s.length() <= 30 ? s : s.substring(0, 27) + "...";
        }
    }
}
