package dev.forumkit.markup;

/**
 * An upper estimate of how many cells the tables in a post would have. GFM pads every row to the header's width,
 * so a few hundred characters can ask for ten thousand cells, and parsing them is what costs; posts over the
 * budget are parsed without the tables extension. Linear in the length of the source.
 */
final class TableBudget {
    private TableBudget() {
    }

    static long cells(String source) {
        long cells = 0;
        int columns = 0;
        int start = 0;
        while (start <= source.length()) {
            int end = source.indexOf('\n', start);
            if (end < 0) {
                end = source.length();
            }
            if (isBlank(source, start, end)) {
                columns = 0;
            } else if (columns > 0) {
                cells += columns;
            } else {
                columns = delimiterColumns(source, start, end);
                cells += 2L * columns; // the header row and this one
            }
            start = end + 1;
        }
        return cells;
    }

    private static boolean isBlank(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The number of columns if the line could be a table's delimiter row ({@code |---|:-:|}), else 0. */
    private static int delimiterColumns(String s, int start, int end) {
        int columns = 0;
        boolean inDashes = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '-') {
                if (!inDashes) {
                    columns++;
                }
                inDashes = true;
            } else if (c == '|' || c == ':' || c == ' ' || c == '\t' || c == '>') {
                inDashes = inDashes && c == ':';
            } else {
                return 0;
            }
        }
        return columns;
    }
}
