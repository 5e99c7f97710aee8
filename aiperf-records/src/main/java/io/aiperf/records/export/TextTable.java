package io.aiperf.records.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a centred title, a header row and body rows whose cells may span several lines, drawn with
 * Unicode box characters (heavy header, light body, like Rich's default) or with ASCII {@code + - |}. Never emits
 * terminal escape sequences. Public for the multi-run summaries in {@code io.aiperf.records.runs}.
 */
public final class TextTable {

    public enum Align { LEFT, RIGHT }

    private static final class Box {
        final char headTop, headTopJoin, headTopLeft, headTopRight, headVertical;
        final char headBottom, headBottomJoin, headBottomLeft, headBottomRight;
        final char bodyVertical, bottom, bottomJoin, bottomLeft, bottomRight;

        Box(String s) {
            headTopLeft = s.charAt(0);
            headTop = s.charAt(1);
            headTopJoin = s.charAt(2);
            headTopRight = s.charAt(3);
            headVertical = s.charAt(4);
            headBottomLeft = s.charAt(5);
            headBottom = s.charAt(6);
            headBottomJoin = s.charAt(7);
            headBottomRight = s.charAt(8);
            bodyVertical = s.charAt(9);
            bottomLeft = s.charAt(10);
            bottom = s.charAt(11);
            bottomJoin = s.charAt(12);
            bottomRight = s.charAt(13);
        }
    }

    private static final Box UNICODE = new Box("┏━┳┓┃┡━╇┩│└─┴┘");
    private static final Box ASCII = new Box("+-++|+-++|+-++");

    private final List<String> headers;
    private final List<Align> aligns;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> headers, List<Align> aligns) {
        if (headers.size() != aligns.size()) {
            throw new IllegalArgumentException("one alignment per column");
        }
        this.headers = List.copyOf(headers);
        this.aligns = List.copyOf(aligns);
    }

    public void addRow(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.size());
        }
        rows.add(List.copyOf(cells));
    }

    public String render(String title, boolean unicode) {
        Box box = unicode ? UNICODE : ASCII;
        int columns = headers.size();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = width(headers.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        int total = 1;
        for (int w : widths) {
            total += w + 3;
        }
        StringBuilder out = new StringBuilder();
        if (title != null && !title.isEmpty()) {
            int pad = Math.max(0, (total - title.length()) / 2);
            out.append(" ".repeat(pad)).append(title).append('\n');
        }
        rule(out, widths, box.headTopLeft, box.headTop, box.headTopJoin, box.headTopRight);
        line(out, headers, widths, box.headVertical);
        rule(out, widths, box.headBottomLeft, box.headBottom, box.headBottomJoin, box.headBottomRight);
        for (List<String> row : rows) {
            line(out, row, widths, box.bodyVertical);
        }
        rule(out, widths, box.bottomLeft, box.bottom, box.bottomJoin, box.bottomRight);
        return out.toString();
    }

    private static void rule(StringBuilder out, int[] widths, char left, char fill, char join, char right) {
        out.append(left);
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                out.append(join);
            }
            out.append(String.valueOf(fill).repeat(widths[c] + 2));
        }
        out.append(right).append('\n');
    }

    private void line(StringBuilder out, List<String> cells, int[] widths, char vertical) {
        List<String[]> split = new ArrayList<>();
        int height = 1;
        for (String cell : cells) {
            String[] lines = cell.split("\n", -1);
            split.add(lines);
            height = Math.max(height, lines.length);
        }
        for (int l = 0; l < height; l++) {
            out.append(vertical);
            for (int c = 0; c < widths.length; c++) {
                String[] lines = split.get(c);
                String text = l < lines.length ? lines[l] : "";
                String padding = " ".repeat(widths[c] - text.length());
                out.append(' ');
                out.append(aligns.get(c) == Align.RIGHT ? padding + text : text + padding);
                out.append(' ').append(vertical);
            }
            out.append('\n');
        }
    }

    private static int width(String cell) {
        int max = 0;
        for (String line : cell.split("\n", -1)) {
            max = Math.max(max, line.length());
        }
        return max;
    }
}
