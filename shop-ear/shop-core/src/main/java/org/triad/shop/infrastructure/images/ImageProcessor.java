package org.triad.shop.infrastructure.images;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * Turns an upload into the three JPEGs the shop serves, or refuses it with an {@code invalid-image} (422) that names
 * the field {@code image}. Checks, in this order, each before any pixel is decoded: size ({@code
 * triad.shop.images.max-bytes}, 5 MB), type by magic bytes (JPEG, PNG, WebP; an SVG, HTML or anything renamed is
 * refused whatever its name), structure (the file ends where its format says: a JPEG with its end-of-image marker, a
 * PNG with its {@code IEND} chunk, a WebP with its RIFF length — so truncated files and polyglots with a payload
 * appended are refused), dimensions from the header ({@code triad.shop.images.max-pixels}, 40 megapixels; sides 16 to
 * 12,000 px, aspect at most 1:20). Then it decodes and draws the pixels onto a fresh white RGB canvas at 1200, 600 and
 * 200 px (longest side, never enlarged), encoded at quality 0.85: the output carries no metadata of the upload.
 */
@ApplicationScoped
public class ImageProcessor {

    public static final int[] SIZES = {1200, 600, 200};
    private static final int MIN_SIDE = 16;
    private static final int MAX_SIDE = 12_000;
    private static final int MAX_ASPECT = 20;

    /** The three encodings and the decoded size. */
    public record Processed(int width, int height, byte[] large, byte[] medium, byte[] thumb, String etag) {
    }

    enum Format { JPEG, PNG, WEBP }

    @Inject
    @ConfigProperty(name = "triad.shop.images.max-bytes", defaultValue = "5242880")
    int maxBytes;

    @Inject
    @ConfigProperty(name = "triad.shop.images.max-pixels", defaultValue = "40000000")
    long maxPixels;

    public Processed process(byte[] data) {
        if (data == null || data.length == 0) {
            throw refused("The file is empty.");
        }
        if (data.length > maxBytes) {
            throw refused("An image has at most " + (maxBytes / (1024 * 1024)) + " MB.");
        }
        Format format = sniff(data);
        if (format == null) {
            throw refused("Only JPEG, PNG and WebP images are accepted.");
        }
        checkStructure(format, data);
        ImageReader reader = reader(format);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkDimensions(width, height);
            BufferedImage decoded = reader.read(0);
            if (decoded == null || decoded.getWidth() != width || decoded.getHeight() != height) {
                throw refused("The image is damaged.");
            }
            byte[] large = encode(scaled(decoded, SIZES[0]));
            byte[] medium = encode(scaled(decoded, SIZES[1]));
            byte[] thumb = encode(scaled(decoded, SIZES[2]));
            return new Processed(width, height, large, medium, thumb, sha256(large));
        } catch (IOException | RuntimeException e) {
            if (e instanceof ShopRuleException rule) {
                throw rule;
            }
            throw refused("The image is damaged or cannot be read.");
        } finally {
            reader.dispose();
        }
    }

    static Format sniff(byte[] d) {
        if (d.length >= 3 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8 && (d[2] & 0xff) == 0xFF) {
            return Format.JPEG;
        }
        if (d.length >= 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G' && d[4] == 0x0D
                && d[5] == 0x0A && d[6] == 0x1A && d[7] == 0x0A) {
            return Format.PNG;
        }
        if (d.length >= 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F' && d[8] == 'W' && d[9] == 'E'
                && d[10] == 'B' && d[11] == 'P') {
            return Format.WEBP;
        }
        return null;
    }

    private static void checkStructure(Format format, byte[] d) {
        int n = d.length;
        boolean whole = switch (format) {
            case JPEG -> n >= 4 && (d[n - 2] & 0xff) == 0xFF && (d[n - 1] & 0xff) == 0xD9;
            case PNG -> n >= 20 && d[n - 8] == 'I' && d[n - 7] == 'E' && d[n - 6] == 'N' && d[n - 5] == 'D';
            case WEBP -> n >= 12 && 8L + ((d[4] & 0xffL) | (d[5] & 0xffL) << 8 | (d[6] & 0xffL) << 16
                    | (d[7] & 0xffL) << 24) == n;
        };
        if (!whole) {
            throw refused("The image is truncated or has other data appended to it.");
        }
    }

    private void checkDimensions(int width, int height) {
        if (width < MIN_SIDE || height < MIN_SIDE || width > MAX_SIDE || height > MAX_SIDE
                || Math.max(width, height) > (long) MAX_ASPECT * Math.min(width, height)) {
            throw refused("An image is 16 to 12,000 pixels on each side, at most 20 times as long as it is wide ("
                    + width + " × " + height + ").");
        }
        if ((long) width * height > maxPixels) {
            throw refused("An image has at most " + (maxPixels / 1_000_000) + " megapixels (" + width + " × " + height
                    + ").");
        }
    }

    private static ImageReader reader(Format format) {
        try {
            return switch (format) {
                case WEBP -> new WebPImageReaderSpi().createReaderInstance(null);
                case JPEG, PNG -> {
                    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(
                            format == Format.JPEG ? "jpeg" : "png");
                    // the JDK's own reader (com.sun.imageio), not whatever another plug-in registered globally
                    ImageReader chosen = null;
                    while (readers.hasNext()) {
                        ImageReader r = readers.next();
                        if (chosen == null || r.getClass().getName().startsWith("com.sun.imageio")) {
                            chosen = r;
                        }
                    }
                    if (chosen == null) {
                        throw new IOException("no reader for " + format);
                    }
                    yield chosen;
                }
            };
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BufferedImage scaled(BufferedImage source, int maxSide) {
        double factor = Math.min(1.0, (double) maxSide / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage target = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ShopRuleException refused(String message) {
        return new ShopRuleException("invalid-image", 422, "image", message);
    }
}
