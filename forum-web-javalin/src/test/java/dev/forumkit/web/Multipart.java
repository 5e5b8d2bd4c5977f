package dev.forumkit.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body as a browser sends it: text fields and files. */
final class Multipart {
    static final String BOUNDARY = "----forumkitTestBoundary7MA4YWxkTrZu0gW";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    Multipart field(String name, String value) {
        text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    Multipart file(String name, String fileName, String contentType, byte[] bytes) {
        text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        out.writeBytes(bytes);
        text("\r\n");
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream done = new ByteArrayOutputStream();
        done.writeBytes(out.toByteArray());
        done.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return done.toByteArray();
    }

    private void text(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
