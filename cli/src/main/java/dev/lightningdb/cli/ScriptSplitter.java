package dev.lightningdb.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at semicolons that are outside string literals, quoted
 * identifiers and comments. Empty statements are dropped.
 */
final class ScriptSplitter {
    private ScriptSplitter() {
    }

    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int n = script.length();
        for (int i = 0; i < n; i++) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(script, i + 1, c);
                current.append(script, i, end);
                i = end - 1;
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(script, i, end);
                i = end - 1;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(script, i, end);
                i = end - 1;
            } else if (c == ';') {
                add(out, current);
            } else {
                current.append(c);
            }
        }
        add(out, current);
        return out;
    }

    /** Index just past the quote closing a literal opened before {@code from}; doubled quotes are escapes. */
    private static int closing(String s, int from, char quote) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length(); // unterminated: the parser will report it
    }

    private static void add(List<String> out, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty() && !onlyComments(statement)) {
            out.add(statement);
        }
        current.setLength(0);
    }

    private static boolean onlyComments(String s) {
        String rest = s.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("--[^\n]*", "").strip();
        return rest.isEmpty();
    }
}
