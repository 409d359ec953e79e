package dev.lightningdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** ANTLR's prediction caches stay bounded however varied the text (they grew without limit). */
class ParserCachesTest {
    private static final String[] WORDS = {"SELECT", "FROM", "WHERE", "(", ")", ",", "?", "*", "=", "<", "AND", "OR", "NOT", "NULL",
            "1", "2.5", "'s'", "a", "b.c", "CASE", "WHEN", "THEN", "ELSE", "END", "IN", "BETWEEN", "LIKE", "IS", "JOIN", "ON",
            "GROUP", "BY", "ORDER", "UNION", "SELECT", "CAST", "AS", "INT", "+", "-", "||", "EXISTS", "LIMIT", "DISTINCT"};

    @Test
    void predictionStatesStayBoundedUnderVariedText() {
        int limit = ParserCaches.maxStates;
        ParserCaches.maxStates = 300;
        try {
            run();
        } finally {
            ParserCaches.maxStates = limit;
        }
    }

    private static void run() {
        Random r = new Random(7);
        int highest = 0;
        boolean dropped = false;
        int previous = ParserCaches.states();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sql = new StringBuilder("SELECT ");
            int n = 3 + r.nextInt(40);
            for (int k = 0; k < n; k++) {
                sql.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
            }
            try {
                SqlParser.parse(sql.toString());
            } catch (RuntimeException e) {
                // garbage is rejected; only the caches matter here
            }
            int states = ParserCaches.states();
            highest = Math.max(highest, states);
            dropped |= states < previous;
            previous = states;
        }
        assertThat(highest).isLessThanOrEqualTo(ParserCaches.maxStates);
        assertThat(dropped).as("the caches were started afresh at least once").isTrue();
        // and parsing still works after a fresh start
        assertThat(SqlParser.parse("SELECT a FROM t WHERE b = 1")).isNotNull();
    }
}
