import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A photo-sized JPEG that does not compress away, for bench/attachments.sh: a colour gradient under per-pixel noise.
 * The noise amplitude is searched so the file lands near the target size; a flat or smooth picture would be a few
 * hundred KB and would flatter the upload figures. Usage: java bench/NoisePhoto.java out.jpg width height bytes
 */
public class NoisePhoto {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int w = Integer.parseInt(args[1]), h = Integer.parseInt(args[2]);
        long target = Long.parseLong(args[3]);
        int lo = 1, hi = 128;
        byte[] best = null;
        for (int step = 0; step < 7 && lo <= hi; step++) { // the size grows with the amplitude
            int amp = (lo + hi) / 2;
            byte[] jpeg = encode(image(w, h, amp));
            if (best == null || Math.abs(jpeg.length - target) < Math.abs(best.length - target)) {
                best = jpeg;
            }
            if (jpeg.length < target) {
                lo = amp + 1;
            } else {
                hi = amp - 1;
            }
        }
        Files.write(out, best);
        System.out.println(out + ": " + w + "x" + h + ", " + best.length + " bytes");
    }

    private static BufferedImage image(int w, int h, int amp) {
        Random random = new Random(1); // the same file on every run
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = clamp(255 * x / w + random.nextInt(2 * amp + 1) - amp);
                int g = clamp(255 * y / h + random.nextInt(2 * amp + 1) - amp);
                int b = clamp(128 + random.nextInt(2 * amp + 1) - amp);
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] encode(BufferedImage img) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f); // a camera's usual quality
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
