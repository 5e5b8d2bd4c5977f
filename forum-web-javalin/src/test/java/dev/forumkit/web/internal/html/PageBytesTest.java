package dev.forumkit.web.internal.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's bytes are exactly what encoding the whole text at once as UTF-8 gives, whatever the pieces. */
class PageBytesTest {
    @Test
    void every_kind_of_character_encodes_as_the_jdk_does_from_a_tiny_start() {
        String[] pieces = {"<p>plain ASCII</p>", "Grüße, café", "日本語のスレッド", "emoji 🚲 and 𝄞", "lone \uD800 surrogate",
                "\uDC00 low first", "end with high \uD83D", "", "x".repeat(5000), "€".repeat(3000)};
        PageBytes out = new PageBytes(1);
        StringBuilder all = new StringBuilder();
        for (String p : pieces) {
            out.writeContent(p);
            all.append(p);
        }
        out.writeBinaryContent("<br>".getBytes(StandardCharsets.UTF_8));
        all.append("<br>");
        assertThat(out.toByteArray()).isEqualTo(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_part_of_a_string_is_only_that_part_and_a_pair_cut_at_the_end_is_not_joined() {
        String s = "ab🚲cd日";
        PageBytes out = new PageBytes(2);
        out.writeContent(s, 1, 4); // "b", the pair
        out.writeContent(s, 5, 6); // "d"
        out.writeContent("x\uD83D", 0, 2); // a high surrogate without its pair in range
        assertThat(out.toByteArray()).isEqualTo(("b🚲d" + "x\uD83D").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_stream_gives_the_bytes_across_chunk_ends_and_resets_to_its_mark() throws java.io.IOException {
        PageBytes out = new PageBytes(7);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            String piece = i % 3 == 0 ? "日本" + i : i % 3 == 1 ? "ascii-" + i : "🚲é" + i;
            out.writeContent(piece);
            all.append(piece);
        }
        byte[] expected = all.toString().getBytes(StandardCharsets.UTF_8);
        java.io.InputStream in = out.stream();
        assertThat(in.available()).isEqualTo(expected.length);
        byte[] head = new byte[5];
        assertThat(in.read(head, 0, 5)).isEqualTo(5);
        in.mark(0);
        byte[] rest = in.readAllBytes();
        in.reset();
        assertThat(in.readAllBytes()).isEqualTo(rest);
        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        read.write(head);
        read.write(rest);
        assertThat(read.toByteArray()).isEqualTo(expected);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(out.stream().transferTo(java.io.OutputStream.nullOutputStream())).isEqualTo(expected.length);
    }

    @Test
    void blocks_of_ascii_copied_whole_and_a_pair_across_a_block_end_encode_as_the_jdk_does() {
        // the writer encodes PageBytes.BLOCK characters at a time (task pagecpu): a pair cut by a block's end, a
        // non-ASCII character first or last in a block, blocks that do not fit the chunk left
        int b = PageBytes.BLOCK;
        String[] pieces = {"x".repeat(b - 1) + "🚲" + "y".repeat(b), "é" + "z".repeat(b - 2) + "é", "a".repeat(3 * b + 7),
                "q".repeat(b - 1) + "\uD83D", "日".repeat(b + 1) + "ascii", "k".repeat(b) + "\uDC00" + "m"};
        for (int chunk : new int[] {1, 7, b - 3, b, b + 1, PageBytes.CHUNK}) {
            PageBytes out = new PageBytes(chunk);
            StringBuilder all = new StringBuilder();
            for (String p : pieces) {
                out.writeContent(p);
                all.append(p);
            }
            assertThat(out.toByteArray()).as("chunk %d", chunk).isEqualTo(all.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void random_text_in_random_parts_gives_the_jdk_s_bytes() {
        java.util.Random random = new java.util.Random(18);
        String[] alphabet = {"a", "<", "\"", " ", "é", "·", "…", "日", "🚲", "\uD800", "\uDFFF", "\u007F", "\u0080", "\u07FF", "\u0800"};
        for (int run = 0; run < 300; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(3 * PageBytes.BLOCK);
            boolean ascii = random.nextBoolean();
            while (text.length() < length) {
                text.append(ascii && random.nextInt(50) != 0 ? String.valueOf("abc<>\"=&x ".charAt(random.nextInt(10)))
                        : alphabet[random.nextInt(alphabet.length)]);
            }
            String s = text.toString();
            PageBytes out = new PageBytes(1 + random.nextInt(PageBytes.CHUNK));
            java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
            int at = 0;
            while (at < s.length()) {
                int to = Math.min(s.length(), at + random.nextInt(2 * PageBytes.BLOCK));
                out.writeContent(s, at, to);
                // each part on its own: a pair cut between two parts is two lone surrogates, '?' each
                expected.writeBytes(s.substring(at, to).getBytes(StandardCharsets.UTF_8));
                at = to;
            }
            assertThat(out.toByteArray()).as("run %d", run).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void binary_parts_between_text_parts_land_where_they_were_written_across_chunk_ends() {
        // the templates' static parts come as UTF-8 bytes (jte binaryStaticContent, task jtebin)
        java.util.Random random = new java.util.Random(7);
        String[] parts = {"<div class=\"post\">", "\n  ", "</a>\n    · ", "", "日本", "🚲", "x".repeat(700), "<br>"};
        for (int chunk : new int[] {1, 3, 16, 100, PageBytes.CHUNK}) {
            PageBytes out = new PageBytes(chunk);
            java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < 400; i++) {
                String p = parts[random.nextInt(parts.length)];
                byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
                if (random.nextBoolean()) {
                    out.writeBinaryContent(bytes);
                } else {
                    out.writeContent(p);
                }
                expected.writeBytes(bytes);
            }
            assertThat(out.toByteArray()).as("chunk %d", chunk).isEqualTo(expected.toByteArray());
        }
    }
}
