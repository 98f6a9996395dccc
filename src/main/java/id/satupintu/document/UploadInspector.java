package id.satupintu.document;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Decides whether an uploaded file may be kept: PDF, JPEG or PNG judged by the content itself (neither the name nor
 * the type the client claims count), not empty and not larger than {@code satupintu.documents.max-file-size}.
 */
@Component
public class UploadInspector {

    private static final int MAX_NAME_LENGTH = 100;
    private static final String DEFAULT_NAME = "dokumen";

    /** The types people may upload, with the extensions a file of that type may carry. */
    enum AllowedType {
        PDF("application/pdf", "pdf", "pdf"),
        JPEG("image/jpeg", "jpeg", "jpg", "jpeg", "jpe", "jfif"),
        PNG("image/png", "png", "png");

        final String mediaType;
        final String code;
        final List<String> extensions;

        AllowedType(String mediaType, String code, String... extensions) {
            this.mediaType = mediaType;
            this.code = code;
            this.extensions = List.of(extensions);
        }

        static AllowedType of(String mediaType) {
            for (AllowedType type : values()) {
                if (type.mediaType.equals(mediaType)) {
                    return type;
                }
            }
            return null;
        }
    }

    private static final List<String> ALLOWED = List.of(AllowedType.PDF.code, AllowedType.JPEG.code,
            AllowedType.PNG.code);

    // Tika's detector reads only the leading magic bytes; it is thread-safe and costly to build, so there is one.
    private final Tika tika = new Tika();
    private final DataSize maxFileSize;

    UploadInspector(@Value("${satupintu.documents.max-file-size:5MB}") DataSize maxFileSize) {
        if (maxFileSize.toBytes() < 1) {
            throw new IllegalStateException("satupintu.documents.max-file-size must be positive");
        }
        this.maxFileSize = maxFileSize;
    }

    /**
     * Inspects a file as uploaded.
     *
     * @throws DocumentError FILE_EMPTY, FILE_TOO_LARGE (property {@code maxBytes}) or FILE_TYPE_NOT_ALLOWED
     *                       (property {@code allowed})
     */
    public InspectedFile inspect(String submittedName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new DocumentError(DocumentError.Code.FILE_EMPTY);
        }
        if (content.length > maxFileSize.toBytes()) {
            throw DocumentError.tooLarge(maxFileSize.toBytes(), readable(maxFileSize));
        }
        AllowedType type = AllowedType.of(tika.detect(content));
        if (type == null) {
            throw DocumentError.typeNotAllowed(ALLOWED);
        }
        return new InspectedFile(displayName(submittedName, type), type.mediaType, content.length,
                Sha256.hex(content), content);
    }

    /**
     * A name fit to show: the last part of whatever path was sent, without control or invisible formatting
     * characters (a right-to-left override can make {@code fdp.exe} look like {@code exe.pdf}), of limited length,
     * ending in an extension of the file's real type.
     */
    static String displayName(String submittedName, AllowedType type) {
        String name = submittedName == null ? "" : Normalizer.normalize(submittedName, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]", "")
                .replaceAll("[<>:\"|?*]", "_")
                .replaceAll("\\s+", " ")
                .replaceAll("^[\\s.]+|[\\s.]+$", "");
        String base = name;
        String extension = "";
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.length() - dot - 1 <= 5 && name.substring(dot + 1).matches("[A-Za-z0-9]+")) {
            base = name.substring(0, dot).replaceAll("[\\s.]+$", "");
            extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
        if (!type.extensions.contains(extension)) {
            extension = type.extensions.getFirst();
        }
        if (base.codePointCount(0, base.length()) > MAX_NAME_LENGTH) {
            base = base.substring(0, base.offsetByCodePoints(0, MAX_NAME_LENGTH)).strip();
        }
        return (base.isEmpty() ? DEFAULT_NAME : base) + "." + extension;
    }

    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        return bytes % DataSize.ofKilobytes(1).toBytes() == 0 ? size.toKilobytes() + " KB" : bytes + " B";
    }
}
