package dev.forumkit.testkit.image;

import dev.forumkit.core.image.ImageException;
import dev.forumkit.core.image.ImageLimits;
import dev.forumkit.core.image.ImagePipeline;
import dev.forumkit.core.image.ImageRejected;
import dev.forumkit.core.image.ProcessedImage;
import dev.forumkit.testkit.HostileFiles;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImagePipelineTest {
    private final ImagePipeline pipeline = new ImagePipeline(ImageLimits.DEFAULTS);

    private ProcessedImage process(byte[] bytes) {
        return pipeline.process(new ByteArrayInputStream(bytes));
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static ImageRejected reason(byte[] bytes, ImagePipeline p) {
        try {
            p.process(new ByteArrayInputStream(bytes));
        } catch (ImageException e) {
            return e.reason();
        }
        return null;
    }

    @Test
    void aPhotoIsReEncodedAsJpegWithAThumbnail() throws IOException {
        ProcessedImage out = process(HostileFiles.jpeg(800, 600));

        assertThat(out.format()).isEqualTo("jpeg");
        assertThat(out.width()).isEqualTo(800);
        assertThat(out.height()).isEqualTo(600);
        assertThat(out.thumbnailWidth()).isEqualTo(320);
        assertThat(out.thumbnailHeight()).isEqualTo(240);
        assertThat(decode(out.image()).getWidth()).isEqualTo(800);
        assertThat(decode(out.thumbnail()).getHeight()).isEqualTo(240);
    }

    @Test
    void aLargeImageIsBoundedToTheFullSize() throws IOException {
        ProcessedImage out = process(HostileFiles.jpeg(5000, 2500));
        assertThat(out.width()).isEqualTo(2048);
        assertThat(out.height()).isEqualTo(1024);
        assertThat(decode(out.image()).getWidth()).isEqualTo(2048);
    }

    @Test
    void transparencyKeepsPngAndASmallImageIsNotEnlarged() throws IOException {
        ProcessedImage out = process(HostileFiles.png(40, 30));
        assertThat(out.format()).isEqualTo("png");
        assertThat(out.width()).isEqualTo(40);
        assertThat(out.thumbnailWidth()).isEqualTo(40);
        assertThat(decode(out.image()).getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void exifGpsAndPolyglotPayloadsDoNotSurvive() {
        byte[] gps = HostileFiles.jpegWithSegment(HostileFiles.jpeg(100, 100), 0xE1,
                "Exif\0\0GPS 52.52N 13.40E".getBytes(StandardCharsets.UTF_8));
        byte[] htmlInComment = HostileFiles.jpegWithSegment(HostileFiles.jpeg(100, 100), 0xFE,
                "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        byte[] scriptAfterGif = HostileFiles.concat(HostileFiles.gif(20, 20), "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));

        for (byte[] upload : new byte[][]{gps, htmlInComment, scriptAfterGif}) {
            ProcessedImage out = process(upload);
            for (byte[] written : new byte[][]{out.image(), out.thumbnail()}) {
                assertThat(HostileFiles.contains(written, "GPS")).isFalse();
                assertThat(HostileFiles.contains(written, "Exif")).isFalse();
                assertThat(HostileFiles.contains(written, "script")).isFalse();
            }
        }
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        assertThat(reason(HostileFiles.pngBomb(100_000, 100_000), pipeline)).isEqualTo(ImageRejected.TOO_MANY_PIXELS);
        assertThat(reason(HostileFiles.pngBomb(60_000, 1_000), pipeline)).isEqualTo(ImageRejected.TOO_MANY_PIXELS);
        ImagePipeline strict = new ImagePipeline(new ImageLimits(10_000, 2048, 320, 1));
        assertThat(reason(HostileFiles.jpeg(101, 100), strict)).isEqualTo(ImageRejected.TOO_MANY_PIXELS);
        assertThat(reason(HostileFiles.jpeg(100, 100), strict)).isNull();
    }

    @Test
    void damagedAndForeignFilesAreRefused() {
        byte[] png = HostileFiles.png(64, 64);
        assertThat(reason(Arrays.copyOf(png, 60), pipeline)).isEqualTo(ImageRejected.BROKEN);
        assertThat(reason("just words".getBytes(StandardCharsets.UTF_8), pipeline)).isEqualTo(ImageRejected.NOT_AN_IMAGE);
        assertThatThrownBy(() -> process(new byte[0])).isInstanceOf(ImageException.class);
    }
}
