package dev.forumkit.markup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The hostile-input corpus copied into {@code src/test/resources/corpus}: every line of every XSS list, every
 * string of the Big List of Naughty Strings ({@code blns.txt} without its comment lines, and {@code blns.json}),
 * de-duplicated; plus each file whole, for the vectors that span several lines.
 */
final class Corpus {
    private static final Corpus INSTANCE = load();

    final List<String> vectors;
    final List<String> wholeFiles;
    final int files;

    private Corpus(List<String> vectors, List<String> wholeFiles, int files) {
        this.vectors = Collections.unmodifiableList(vectors);
        this.wholeFiles = Collections.unmodifiableList(wholeFiles);
        this.files = files;
    }

    static Corpus get() {
        return INSTANCE;
    }

    private static Corpus load() {
        Path root = root();
        Set<String> vectors = new LinkedHashSet<>();
        List<String> whole = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".json"))
                    .sorted().toList();
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                whole.add(text);
                boolean naughty = file.getFileName().toString().startsWith("blns");
                if (file.toString().endsWith(".json")) {
                    vectors.addAll(JsonStrings.parseArray(text));
                    continue;
                }
                for (String line : text.split("\n", -1)) {
                    String v = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                    if (!v.isEmpty() && !(naughty && v.startsWith("#"))) {
                        vectors.add(v);
                    }
                }
            }
            if (files.size() < 38 || vectors.size() < 4000) {
                throw new IllegalStateException("corpus incomplete: " + files.size() + " files, " + vectors.size()
                        + " vectors under " + root);
            }
            vectors.remove("");
            return new Corpus(new ArrayList<>(vectors), whole, files.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        try {
            return Path.of(Corpus.class.getResource("/corpus/README.md").toURI()).getParent();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource corpus/ missing", e);
        }
    }

    /** Just enough JSON to read an array of strings. */
    static final class JsonStrings {
        private JsonStrings() {
        }

        static List<String> parseArray(String json) {
            List<String> out = new ArrayList<>();
            int i = json.indexOf('[') + 1;
            while (i < json.length()) {
                char c = json.charAt(i);
                if (c == '"') {
                    StringBuilder s = new StringBuilder();
                    i++;
                    while (json.charAt(i) != '"') {
                        char d = json.charAt(i++);
                        if (d != '\\') {
                            s.append(d);
                            continue;
                        }
                        char e = json.charAt(i++);
                        switch (e) {
                            case 'n' -> s.append('\n');
                            case 't' -> s.append('\t');
                            case 'r' -> s.append('\r');
                            case 'b' -> s.append('\b');
                            case 'f' -> s.append('\f');
                            case 'u' -> {
                                s.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
                                i += 4;
                            }
                            default -> s.append(e);
                        }
                    }
                    out.add(s.toString());
                }
                i++;
            }
            return out;
        }
    }
}
