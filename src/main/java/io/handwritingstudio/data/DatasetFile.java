package io.handwritingstudio.data;

/**
 * One file of a dataset as kept on disk.
 *
 * @param fileName   name in the cache (or in the local folder): raw for MNIST, {@code .gz} for EMNIST as NIST ships it
 * @param sha256     published SHA-256 in lower-case hex, or null when none is published (then only the structure is checked)
 * @param ofContent  true when the checksum is of the uncompressed content (MNIST, letters), false when of the stored bytes
 */
public record DatasetFile(String fileName, String sha256, boolean ofContent) {
    public boolean verifiable() {
        return sha256 != null;
    }
}
