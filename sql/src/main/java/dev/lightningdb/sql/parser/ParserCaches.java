package dev.lightningdb.sql.parser;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.dfa.DFA;

/**
 * ANTLR's prediction caches (the DFA states it learns per decision, and their prediction contexts),
 * shared by every parse as ANTLR intends, but bounded. ANTLR never forgets a state: a long-running
 * database fed varied or malformed text (tools, fuzzers, attackers) would otherwise hold hundreds of
 * megabytes of them (a grammar fuzz run: 38,000 states, over 400 MB, after 2,000 statements).
 * Invariant: once a parse leaves more than {@link #maxStates} states, later parses start from empty
 * caches (parses under way keep the old ones, which are then collected).
 */
final class ParserCaches {
    /** Roughly 100 MB of states learnt from garbage; a workload's own statements need far fewer. Tests lower it. */
    static volatile int maxStates = 10_000;

    private record Generation(DFA[] parser, PredictionContextCache contexts, DFA[] lexer, PredictionContextCache lexerContexts) {
    }

    private static volatile Generation current = fresh();

    private ParserCaches() {
    }

    private static Generation fresh() {
        return new Generation(dfas(LightningSqlParser._ATN), new PredictionContextCache(), dfas(LightningSqlLexer._ATN),
                new PredictionContextCache());
    }

    private static DFA[] dfas(ATN atn) {
        DFA[] out = new DFA[atn.getNumberOfDecisions()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new DFA(atn.getDecisionState(i), i);
        }
        return out;
    }

    static LightningSqlLexer lexer(CharStream input) {
        Generation g = current;
        LightningSqlLexer lexer = new LightningSqlLexer(input);
        lexer.setInterpreter(new LexerATNSimulator(lexer, LightningSqlLexer._ATN, g.lexer(), g.lexerContexts()));
        return lexer;
    }

    static LightningSqlParser parser(TokenStream tokens) {
        Generation g = current;
        LightningSqlParser parser = new LightningSqlParser(tokens);
        parser.setInterpreter(new ParserATNSimulator(parser, LightningSqlParser._ATN, g.parser(), g.contexts()));
        return parser;
    }

    /** Starts new caches if the current ones hold too many states (called after each parse). */
    static void bound() {
        Generation g = current;
        if (states(g) > maxStates) {
            synchronized (ParserCaches.class) {
                if (current == g) {
                    current = fresh();
                }
            }
        }
    }

    /** The DFA states the current caches hold. */
    static int states() {
        return states(current);
    }

    private static int states(Generation g) {
        int n = 0;
        for (DFA d : g.parser()) {
            n += d.states.size();
        }
        for (DFA d : g.lexer()) {
            n += d.states.size();
        }
        return n;
    }
}
