package dev.forumkit.web.internal.html;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bench only (task jtebin): a stand-in for the jar's PageBytes, put BEFORE the jar on the class path, that records
 * every write a template makes (text parts as written, static parts as the bytes jte hands over) into
 * {@code -Dtrace.dir}, one file per render, for bench/StaticPartsCost.java to replay into the real PageBytes.
 * <pre>
 *   javac -cp forum-app/target/forumkit.jar -d bench/out/trace bench/trace/PageBytes.java
 *   java -Dtrace.dir=bench/out/traces -Dpc.dump=bench/out/pages-trace -cp bench/out/trace:JAR:bench/out/pc PageCost DATA
 * </pre>
 */
final class PageBytes implements gg.jte.TemplateOutput {
    static final int CHUNK = 8 * 1024;
    static final int BLOCK = 512;
    private static final AtomicInteger RENDERS = new AtomicInteger();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream trace = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(trace);
    private int count;
    private boolean saved;

    PageBytes() {
    }

    PageBytes(int chunkSize) {
    }

    @Override
    public void writeContent(String s) {
        writeContent(s, 0, s.length());
    }

    @Override
    public void writeContent(String s, int from, int to) {
        String part = s.substring(from, to);
        bytes.writeBytes(part.getBytes(StandardCharsets.UTF_8));
        try {
            out.writeByte(0);
            out.writeInt(part.length());
            out.writeChars(part);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count++;
    }

    @Override
    public void writeBinaryContent(byte[] content) {
        bytes.writeBytes(content);
        try {
            out.writeByte(1);
            out.writeInt(content.length);
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count++;
    }

    private void save() {
        String dir = System.getProperty("trace.dir");
        if (dir == null || saved) {
            return;
        }
        saved = true;
        try {
            Files.createDirectories(Path.of(dir));
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(file);
            d.writeInt(count);
            d.write(trace.toByteArray());
            Files.write(Path.of(dir, String.format("render-%05d.trace", RENDERS.incrementAndGet())), file.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int length() {
        return bytes.size();
    }

    byte[] toByteArray() {
        save();
        return bytes.toByteArray();
    }

    String text() {
        save();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    InputStream stream() {
        save();
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
