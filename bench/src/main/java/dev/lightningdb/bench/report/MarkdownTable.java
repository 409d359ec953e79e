package dev.lightningdb.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown table whose columns are padded, so that it reads the same on a terminal as it renders
 * on a web page. Pipes inside cells are escaped.
 */
public final class MarkdownTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    public MarkdownTable add(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, the header " + header.size());
        }
        rows.add(cells.stream().map(c -> c == null ? "" : c.replace("|", "\\|").replace('\n', ' ')).toList());
        return this;
    }

    public int size() {
        return rows.size();
    }

    public String render() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = Math.max(3, header.get(i).length());
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        line(sb, rule, width);
        for (List<String> r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        sb.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            sb.append(' ').append(c).append(" ".repeat(width[i] - c.length())).append(" |");
        }
        sb.append('\n');
    }
}
