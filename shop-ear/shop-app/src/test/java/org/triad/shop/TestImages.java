package org.triad.shop;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Real image files for the tests, made with the JDK's ImageIO, and the bad files the shop must refuse. */
final class TestImages {

    static final String GPS_MARKER = "GPSLatitude=31.2304N-secret-home";

    private TestImages() {
    }

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x2e7d32), width, height, new Color(0xfdd835)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    /** A JPEG with an EXIF segment (APP1) right after SOI that carries a GPS-like text. */
    static byte[] jpegWithExif(int width, int height) {
        byte[] plain = jpeg(width, height);
        byte[] payload = ("Exif\0\0" + GPS_MARKER).getBytes(StandardCharsets.ISO_8859_1);
        int length = payload.length + 2;
        byte[] out = new byte[plain.length + 4 + payload.length];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xE1;
        out[4] = (byte) (length >> 8);
        out[5] = (byte) length;
        System.arraycopy(payload, 0, out, 6, payload.length);
        System.arraycopy(plain, 2, out, 6 + payload.length, plain.length - 2);
        return out;
    }

    /** A real JPEG followed by an HTML page (a polyglot). */
    static byte[] polyglot() {
        byte[] jpeg = jpeg(64, 64);
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(jpeg, jpeg.length + html.length);
        System.arraycopy(html, 0, out, jpeg.length, html.length);
        return out;
    }

    static byte[] truncated() {
        byte[] jpeg = jpeg(400, 300);
        return Arrays.copyOf(jpeg, jpeg.length / 2);
    }

    static byte[] svg() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] htmlNamedJpg() {
        return "<!DOCTYPE html><html><body>not an image</body></html>".getBytes(StandardCharsets.UTF_8);
    }

    /** A real PNG whose header claims 8000 × 8000 pixels (64 megapixels): refused before decoding. */
    static byte[] claimsHugeDimensions() {
        byte[] png = png(32, 32);
        // IHDR data starts at byte 16: width (4 bytes), height (4 bytes)
        int side = 8000;
        for (int offset : new int[] {16, 20}) {
            png[offset] = (byte) (side >>> 24);
            png[offset + 1] = (byte) (side >>> 16);
            png[offset + 2] = (byte) (side >>> 8);
            png[offset + 3] = (byte) side;
        }
        return png;
    }

    static byte[] fakeWebp() {
        byte[] out = new byte[200];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, out, 0, 4);
        int size = out.length - 8;
        out[4] = (byte) size;
        out[5] = (byte) (size >> 8);
        System.arraycopy("WEBPVP8 garbage".getBytes(StandardCharsets.US_ASCII), 0, out, 8, 15);
        return out;
    }

    static byte[] oversized() {
        byte[] out = new byte[5 * 1024 * 1024 + 1];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[out.length - 2] = (byte) 0xFF;
        out[out.length - 1] = (byte) 0xD9;
        return out;
    }

    static boolean contains(byte[] data, String text) {
        byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
