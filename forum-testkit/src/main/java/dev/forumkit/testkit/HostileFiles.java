package dev.forumkit.testkit;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Files an attacker uploads, made in memory (no binary corpus in the repository): damaged and oversized images,
 * decompression bombs, polyglots that are both an image and script or HTML, SVG with script, HTML, a zip, and a
 * name that walks up the directory tree. Tests upload each and check that none is stored under its name, served as
 * markup or script, or exhausts the heap; plus the good images the same tests expect to be re-encoded.
 */
public final class HostileFiles {
    /** A file as a client sends it: the name it claims, the bytes, and what it is. */
    public record Upload(String name, byte[] bytes, String what) {
        @Override
        public String toString() {
            return what;
        }
    }

    /** A script marker that must never reach a reader's page as markup or script. */
    public static final String MARKER = "alert('pwned')";

    private HostileFiles() {
    }

    public static List<Upload> all() {
        byte[] jpeg = jpeg(320, 240);
        byte[] png = png(64, 64);
        return List.of(
                new Upload("truncated.jpg", Arrays.copyOf(jpeg, jpeg.length / 3), "a truncated JPEG"),
                new Upload("truncated.png", Arrays.copyOf(png, 60), "a truncated PNG"),
                new Upload("huge.png", pngBomb(100_000, 100_000), "a PNG declaring 10 gigapixels (decompression bomb)"),
                new Upload("wide.png", pngBomb(60_000, 1_000), "a PNG declaring 60 megapixels, over the limit"),
                new Upload("polyglot.gif", concat(gif(16, 16), ("<script>" + MARKER + "</script>").getBytes(StandardCharsets.UTF_8)),
                        "a GIF with a script after its trailer (GIF/JS polyglot)"),
                new Upload("polyglot.jpg", jpegWithSegment(jpeg, 0xFE,
                        ("<html><body><script>" + MARKER + "</script></body></html>").getBytes(StandardCharsets.UTF_8)),
                        "a JPEG with HTML and script in a comment segment (JPEG/HTML polyglot)"),
                new Upload("gps.jpg", jpegWithSegment(jpeg, 0xE1, exif("GPS 52.5200N 13.4050E " + MARKER)),
                        "a JPEG with EXIF GPS data"),
                new Upload("drawing.svg", ("<svg xmlns='http://www.w3.org/2000/svg'><script>" + MARKER + "</script></svg>")
                        .getBytes(StandardCharsets.UTF_8), "an SVG with a script"),
                new Upload("page.jpg", ("<!DOCTYPE html><html><script>" + MARKER + "</script></html>")
                        .getBytes(StandardCharsets.UTF_8), "an HTML page named .jpg"),
                new Upload("archive.zip", zip("readme.html", "<script>" + MARKER + "</script>"), "a zip with HTML inside"),
                new Upload("../../x", "escape the data directory".getBytes(StandardCharsets.UTF_8), "a file named ../../x"),
                new Upload("program.exe", new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0}, "a Windows executable"));
    }

    /** An opaque test photo as a JPEG. */
    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    /** A PNG with transparency. */
    public static byte[] png(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static byte[] gif(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "gif");
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200, type == BufferedImage.TYPE_INT_ARGB ? 128 : 255));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A valid PNG header declaring {@code width} x {@code height} grey pixels, followed by a small deflate stream of
     * zeros that would inflate to the whole image: gigabytes from kilobytes.
     */
    public static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
            byte[] zeros = new byte[64 * 1024];
            for (int i = 0; i < 64; i++) { // 4 MB of zeros, the start of the rows; a few KB compressed
                z.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The JPEG with one more segment (marker {@code 0xFFxx}) right after its start-of-image marker. */
    public static byte[] jpegWithSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] exif(String text) {
        return concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] zip(String entry, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Whether the bytes contain the text (as UTF-8): what a re-encoded image must not carry over. */
    public static boolean contains(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
