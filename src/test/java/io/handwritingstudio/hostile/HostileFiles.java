package io.handwritingstudio.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Small files that claim to be big, and other things a hostile or clumsy user can hand the CLI. */
final class HostileFiles {
    private HostileFiles() {
    }

    static byte[] idxHeader(int magic, int... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length);
        b.putInt(magic);
        for (int d : dims) b.putInt(d);
        return b.array();
    }

    /** A gzip file whose content is {@code header} followed by {@code zeros} zero bytes (compresses ~1000:1). */
    static Path gzipBomb(Path file, byte[] header, long zeros) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(header);
            byte[] block = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= block.length) out.write(block, 0, (int) Math.min(block.length, left));
        }
        return file;
    }

    /** A copy of a model zip with one entry replaced by {@code body}, or by {@code zeros} zero bytes. */
    static Path withEntry(Path model, Path target, String entry, byte[] body, long zeros) throws IOException {
        try (ZipFile in = new ZipFile(model.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (var e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (!e.getName().equals(entry)) {
                    in.getInputStream(e).transferTo(out);
                } else if (body != null) {
                    out.write(body);
                } else {
                    byte[] block = new byte[1 << 20];
                    for (long left = zeros; left > 0; left -= block.length) out.write(block, 0, (int) Math.min(block.length, left));
                }
                out.closeEntry();
            }
        }
        return target;
    }

    static byte[] entry(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }

    /** A valid 1x1 PNG whose header then claims {@code width} x {@code height} (CRC fixed, so decoders believe it). */
    static Path pngClaiming(Path file, int width, int height) throws IOException {
        var image = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", bytes);
        byte[] png = bytes.toByteArray();
        // signature (8) + IHDR length (4) + "IHDR" (4): width and height follow, then 5 bytes, then the CRC
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, width);
        b.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        Files.write(file, png);
        return file;
    }

    static Path fifo(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) throw new IOException("mkfifo failed");
        return file;
    }

    static String utf8(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
