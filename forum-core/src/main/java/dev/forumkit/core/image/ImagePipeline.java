package dev.forumkit.core.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * Turns an uploaded image into one the server wrote itself. The steps, in order: read the header only and refuse more
 * than {@link ImageLimits#maxPixels()} (a decompression bomb never gets a buffer); decode the first frame,
 * subsampled while decoding so no more than {@value #DECODE_BUDGET} pixels are ever held; scale to the full size and
 * the thumbnail; encode both anew (JPEG, or PNG when there is transparency). Nothing of the upload but its pixels
 * survives: EXIF and GPS data, comments, trailing script or HTML of a polyglot file are gone. Animated GIFs keep their
 * first frame. At most {@link ImageLimits#concurrentDecodes()} images are decoded at once, so the heap a burst of
 * uploads needs is bounded (about 50 MB each).
 */
public final class ImagePipeline {
    /** The most pixels held decoded: 8 megapixels, 32 MB as ARGB. */
    static final long DECODE_BUDGET = 8_000_000L;
    private static final float JPEG_QUALITY = 0.85f;

    private final ImageLimits limits;
    private final Semaphore decodes;

    public ImagePipeline(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.decodes = new Semaphore(limits.concurrentDecodes(), true);
    }

    public ImageLimits limits() {
        return limits;
    }

    /** Whether this JVM has a decoder for the format (e.g. {@code "webp"} only with a plug-in on the class path). */
    public static boolean canDecode(String formatName) {
        return ImageIO.getImageReadersByFormatName(formatName).hasNext();
    }

    /**
     * Re-encodes the image the stream holds; the caller closes the stream. Throws {@link ImageException} for a file
     * that is no readable image, declares too many pixels, or is damaged.
     */
    public ProcessedImage process(InputStream content) {
        return process(content, limits.maxSide(), limits.thumbnailSide());
    }

    /**
     * As {@link #process(InputStream)} with other sides for the full size and the thumbnail (avatars: 384 and 96),
     * under the same pixel limit and the same bound on concurrent decodes, so avatars and attachments share the heap
     * budget.
     */
    public ProcessedImage process(InputStream content, int maxSide, int thumbnailSide) {
        Objects.requireNonNull(content, "content");
        if (maxSide < 16 || thumbnailSide < 16 || thumbnailSide > maxSide) {
            throw new IllegalArgumentException("sides of 16 or more, the thumbnail within the full size");
        }
        try {
            decodes.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to decode an image", e);
        }
        try {
            BufferedImage decoded = decode(content, maxSide);
            boolean alpha = decoded.getColorModel().hasAlpha();
            BufferedImage full = fit(decoded, maxSide, alpha);
            decoded = null; // let it go before the thumbnail and the encoders allocate
            BufferedImage thumb = fit(full, thumbnailSide, alpha);
            String format = alpha ? "png" : "jpeg";
            return new ProcessedImage(encode(full, format), full.getWidth(), full.getHeight(), encode(thumb, format),
                    thumb.getWidth(), thumb.getHeight(), format);
        } finally {
            decodes.release();
        }
    }

    private BufferedImage decode(InputStream content, int maxSide) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(content)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageException(ImageRejected.NOT_AN_IMAGE, null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // forward only, no metadata: EXIF is never even parsed
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < 1 || height < 1 || width * height > limits.maxPixels()) {
                    throw new ImageException(ImageRejected.TOO_MANY_PIXELS, null);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(width, height, maxSide);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw new ImageException(ImageRejected.BROKEN, null);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (ImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // truncated data, a bad chunk, an unsupported colour model: all are a broken image to the uploader
            throw new ImageException(ImageRejected.BROKEN, e);
        }
    }

    /** The smallest whole step that keeps the decoded image within the budget and near twice the full size. */
    private static int subsampling(long width, long height, int maxSide) {
        int step = (int) Math.max(1, Math.max(width, height) / (2L * maxSide));
        while ((width / step) * (height / step) > DECODE_BUDGET) {
            step++;
        }
        return step;
    }

    /** Scales down to fit {@code side} (never up), halving first for a smooth result; always a fresh RGB(A) image. */
    private static BufferedImage fit(BufferedImage source, int side, boolean alpha) {
        int w = source.getWidth();
        int h = source.getHeight();
        double scale = Math.min(1.0, (double) side / Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * scale));
        int targetH = Math.max(1, (int) Math.round(h * scale));
        BufferedImage current = source;
        int cw = w;
        int ch = h;
        do {
            cw = Math.max(targetW, cw / 2 >= targetW ? cw / 2 : targetW);
            ch = Math.max(targetH, ch / 2 >= targetH ? ch / 2 : targetH);
            current = draw(current, cw, ch, alpha);
        } while (cw != targetW || ch != targetH);
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int w, int h, boolean alpha) {
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            if (!alpha) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, h);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("jpeg".equals(format)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
