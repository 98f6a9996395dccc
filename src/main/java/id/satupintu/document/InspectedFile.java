package id.satupintu.document;

/**
 * An uploaded file that passed inspection.
 *
 * @param displayName a clean name to show people, with the extension of its real type; never a path
 * @param mediaType   the type found in the content: {@code application/pdf}, {@code image/jpeg} or {@code image/png}
 * @param size        in bytes
 * @param sha256Hex   fingerprint of the content, lower-case hex
 * @param content     the bytes as uploaded
 */
public record InspectedFile(String displayName, String mediaType, long size, String sha256Hex, byte[] content) {
}
