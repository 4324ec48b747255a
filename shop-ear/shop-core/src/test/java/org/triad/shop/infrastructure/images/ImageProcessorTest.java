package org.triad.shop.infrastructure.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.triad.shop.domain.model.shared.ShopRuleException;

/** The image checks and the re-encoding, without a container (the in-container ItemImagesIT covers storage). */
class ImageProcessorTest {

    private final ImageProcessor processor = new ImageProcessor();

    ImageProcessorTest() {
        processor.maxBytes = 5 * 1024 * 1024;
        processor.maxPixels = 40_000_000;
    }

    private static byte[] encode(int w, int h, String format) throws Exception {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(format.equals("jpeg") ? new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB) : image, format, out);
        return out.toByteArray();
    }

    private void refused(byte[] data) {
        assertThatThrownBy(() -> processor.process(data)).isInstanceOfSatisfying(ShopRuleException.class, e -> {
            assertThat(e.problemType()).isEqualTo("invalid-image");
            assertThat(e.field()).isEqualTo("image");
        });
    }

    @Test
    void aTransparentPngBecomesThreeJpegs() throws Exception {
        ImageProcessor.Processed p = processor.process(encode(1600, 400, "png"));
        assertThat(p.width()).isEqualTo(1600);
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(p.large()));
        assertThat(large.getWidth()).isEqualTo(1200);
        assertThat(large.getHeight()).isEqualTo(300);
        assertThat(ImageIO.read(new ByteArrayInputStream(p.thumb())).getWidth()).isEqualTo(200);
        assertThat(p.large()[0] & 0xff).isEqualTo(0xFF);
        assertThat(p.large()[1] & 0xff).isEqualTo(0xD8);
        assertThat(p.etag()).hasSize(64);
    }

    @Test
    void badFilesAreRefused() throws Exception {
        byte[] jpeg = encode(100, 100, "jpeg");
        byte[] appended = Arrays.copyOf(jpeg, jpeg.length + 10);
        refused(appended);
        refused(Arrays.copyOf(jpeg, jpeg.length - 10));
        refused("<svg/>".getBytes(StandardCharsets.UTF_8));
        refused(encode(1, 5000, "png"));
        refused(encode(10, 10, "png"));
        refused(new byte[0]);
        processor.maxPixels = 1000;
        refused(encode(100, 100, "png"));
    }
}
