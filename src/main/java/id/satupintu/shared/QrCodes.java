package id.satupintu.shared;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes as SVG, sharp on screens and thermal printers alike. */
public final class QrCodes {

    private QrCodes() {
    }

    /** An SVG drawing of the QR code for {@code text}, one unit per module, with a quiet zone of two. */
    public static String svg(String text, String title) {
        BitMatrix matrix = matrix(text);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " "
                + matrix.getHeight() + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\""
                + escape(title) + "\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
                + path + "\"/></svg>";
    }

    /** A PNG image of the QR code, {@code scale} pixels per module, for e-mail (where SVG does not show). */
    public static byte[] png(String text, int scale) {
        // A fixed mask pattern spares trying all eight (most of the encoding's cost); any mask scans.
        BitMatrix matrix = matrix(text, Map.of(EncodeHintType.QR_MASK_PATTERN, 2));
        int width = matrix.getWidth() * scale;
        int rowBytes = (width + 7) / 8;
        byte[] pixels = new byte[rowBytes * matrix.getHeight() * scale];
        // One bit per pixel, 1 = white in the binary palette; each module row is packed once and copied scale times.
        for (int y = 0; y < matrix.getHeight(); y++) {
            int rowStart = y * scale * rowBytes;
            for (int x = 0; x < width; x++) {
                if (!matrix.get(x / scale, y)) {
                    pixels[rowStart + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
            for (int copy = 1; copy < scale; copy++) {
                System.arraycopy(pixels, rowStart, pixels, rowStart + copy * rowBytes, rowBytes);
            }
        }
        WritableRaster raster = Raster.createPackedRaster(new DataBufferByte(pixels, pixels.length), width,
                matrix.getHeight() * scale, 1, null);
        BufferedImage image = new BufferedImage(new IndexColorModel(1, 2, new byte[] {0, (byte) 255},
                new byte[] {0, (byte) 255}, new byte[] {0, (byte) 255}), raster, false, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BitMatrix matrix(String text) {
        return matrix(text, Map.of());
    }

    private static BitMatrix matrix(String text, Map<EncodeHintType, Object> extraHints) {
        Map<EncodeHintType, Object> hints = new java.util.EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 2);
        hints.putAll(extraHints);
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text does not fit a QR code", e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
