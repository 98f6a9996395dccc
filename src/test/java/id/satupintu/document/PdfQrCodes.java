package id.satupintu.document;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Reads the QR code printed on a document, as a phone camera would. */
public final class PdfQrCodes {

    private PdfQrCodes() {
    }

    /** The text of the QR code on the first page of the PDF, rendered at 150 dpi. */
    public static String onFirstPage(byte[] pdf) throws IOException, NotFoundException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return on(new PDFRenderer(document).renderImageWithDPI(0, 150));
        }
    }

    /** The text of the QR code on a rendered page. */
    static String on(BufferedImage page) throws NotFoundException {
        int width = page.getWidth();
        int height = page.getHeight();
        int[] pixels = page.getRGB(0, 0, width, height, null, 0, width);
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, height, pixels))), Map.of(DecodeHintType.POSSIBLE_FORMATS,
                List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, true)).getText();
    }
}
