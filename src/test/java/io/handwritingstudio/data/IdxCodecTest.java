package io.handwritingstudio.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxCodecTest {
    @TempDir Path dir;

    private static byte[] pixels(int n) {
        byte[] px = new byte[n];
        for (int i = 0; i < n; i++) px[i] = (byte) (i * 7);
        return px;
    }

    @Test
    void roundTripRawAndGzip() throws IOException {
        for (boolean gz : new boolean[] {false, true}) {
            Path img = dir.resolve("img" + gz), lbl = dir.resolve("lbl" + gz);
            byte[] px = pixels(3 * 4 * 5);
            IdxWriter.writeImages(img, px, 3, 4, 5, gz);
            IdxWriter.writeLabels(lbl, new int[] {0, 9, 255}, gz);
            assertEquals(gz, Gzip.isGzip(img));
            IdxImages read = IdxReader.readImages(img);
            assertEquals(3, read.count());
            assertEquals(4, read.rows());
            assertEquals(5, read.cols());
            assertArrayEquals(px, read.pixels());
            assertArrayEquals(new int[] {0, 9, 255}, IdxReader.readLabels(lbl));
        }
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left behind");
        }
    }

    @Test
    void gzipDetectedByContentNotName() throws IOException {
        Path misnamed = dir.resolve("images.gz");
        IdxWriter.writeImages(misnamed, pixels(8), 2, 2, 2, false);
        assertEquals(2, IdxReader.readImages(misnamed).count());
        Path hidden = dir.resolve("images-plain-name");
        IdxWriter.writeImages(hidden, pixels(8), 2, 2, 2, true);
        assertEquals(2, IdxReader.readImages(hidden).count());
    }

    private static byte[] header(int magic, int... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length).putInt(magic);
        for (int d : dims) b.putInt(d);
        return b.array();
    }

    private Path write(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        Path f = dir.resolve(name);
        Files.write(f, out.toByteArray());
        return f;
    }

    private static IdxFormatException imagesFail(Path f) {
        return assertThrows(IdxFormatException.class, () -> IdxReader.readImages(f));
    }

    @Test
    void wrongMagic() throws IOException {
        Path f = write("bad-magic-images", "hello world, not idx".getBytes());
        IdxFormatException e = imagesFail(f);
        assertTrue(e.getMessage().startsWith("bad-magic-images: bad magic"), e.getMessage());
        Path labelsAsImages = write("labels-as-images", header(2049, 2), new byte[2]);
        e = imagesFail(labelsAsImages);
        assertTrue(e.getMessage().startsWith("labels-as-images: wrong dimension count"), e.getMessage());
    }

    @Test
    void truncatedRawAndGzip() throws IOException {
        Path f = write("train-images-idx3-ubyte", header(2051, 100, 28, 28), new byte[1200]);
        assertEquals("train-images-idx3-ubyte: truncated: header promises 100 images of 28x28 (78,400 bytes) but the file holds 1,200",
                imagesFail(f).getMessage());

        Path good = dir.resolve("good.gz");
        IdxWriter.writeImages(good, pixels(10 * 28 * 28), 10, 28, 28, true);
        byte[] gz = Files.readAllBytes(good);
        Path cut = write("cut-images.gz", Arrays.copyOf(gz, gz.length / 2));
        IdxFormatException e = imagesFail(cut);
        assertTrue(e.getMessage().startsWith("cut-images.gz: "), e.getMessage());

        Path labels = write("short-labels", header(2049, 10), new byte[3]);
        e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(labels));
        assertTrue(e.getMessage().contains("short-labels: truncated: header promises 10 labels (10 bytes) but the file holds 3"), e.getMessage());

        Path tiny = write("tiny", new byte[] {0, 0});
        assertTrue(imagesFail(tiny).getMessage().startsWith("tiny: truncated"));
    }

    @Test
    void trailingGarbageRawAndGzip() throws IOException {
        Path f = write("extra-images", header(2051, 1, 2, 2), new byte[4], new byte[5]);
        assertEquals("extra-images: trailing garbage: 5 bytes after the data the header describes", imagesFail(f).getMessage());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(header(2049, 2));
            gz.write(new byte[] {1, 2, 3});
        }
        Path g = write("extra-labels.gz", bytes.toByteArray());
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(g));
        assertTrue(e.getMessage().startsWith("extra-labels.gz: trailing garbage: 1 bytes"), e.getMessage());
    }

    @Test
    void hugeHeaderIsRejectedNotAllocated() throws IOException {
        Path f = write("huge-images", header(2051, 1_000_000, 28_000, 28_000));
        IdxFormatException e = imagesFail(f);
        assertTrue(e.getMessage().startsWith("huge-images: bad image size 28000x28000"), e.getMessage());
        Path many = write("many-images", header(2051, 2_000_000_000, 28, 28));
        e = imagesFail(many);
        assertTrue(e.getMessage().contains("more than the limit of 268,435,456 bytes"), e.getMessage());
    }

    @Test
    void validateDispatchesOnHeader() throws IOException {
        Path lbl = dir.resolve("l");
        IdxWriter.writeLabels(lbl, new int[] {1, 2}, true);
        IdxReader.validate(lbl);
        Path junk = write("junk", new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThrows(IdxFormatException.class, () -> IdxReader.validate(junk));
    }
}
