import dev.forumkit.core.image.ImageLimits;
import dev.forumkit.core.image.ImagePipeline;
import dev.forumkit.core.image.ProcessedImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Time and memory of one avatar upload's image work, for docs/accounts.md: the pipeline as AvatarService calls it
 * (384 and 96 px) on the largest files the default limits let through. Prints the median of 5 runs after 2 warm-ups,
 * and the bytes the thread allocated for one run. Run with a small heap to show the bound holds:
 * {@code java -Xmx96m -cp forum-core/target/classes bench/AvatarMeasure.java photo.jpg}
 * (photo.jpg: {@code java bench/NoisePhoto.java photo.jpg 3000 2250 2090000}, a 2 MB noise JPEG).
 */
public class AvatarMeasure {
    public static void main(String[] args) throws Exception {
        ImagePipeline pipeline = new ImagePipeline(ImageLimits.DEFAULTS);
        measure(pipeline, "2 MB noise JPEG " + args[0], Files.readAllBytes(Path.of(args[0])));
        measure(pipeline, "PNG of 7000x7000 px (49 MP, just under the 50 MP limit)", flatPng(7000, 7000));
    }

    private static byte[] flatPng(int w, int h) throws Exception {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void measure(ImagePipeline pipeline, String what, byte[] file) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ms = new long[5];
        long allocated = 0;
        ProcessedImage last = null;
        for (int i = -2; i < ms.length; i++) {
            long a0 = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            last = pipeline.process(new ByteArrayInputStream(file), 384, 96);
            long t1 = System.nanoTime();
            if (i >= 0) {
                ms[i] = (t1 - t0) / 1_000_000;
                allocated = threads.getCurrentThreadAllocatedBytes() - a0;
            }
        }
        Arrays.sort(ms);
        System.out.printf("%s: %,d bytes -> %dx%d %s %,d bytes + %,d bytes; median %d ms (min %d, max %d); allocated %,d bytes; max heap %,d bytes%n",
                what, file.length, last.width(), last.height(), last.format(), last.image().length, last.thumbnail().length,
                ms[2], ms[0], ms[4], allocated, Runtime.getRuntime().maxMemory());
    }
}
