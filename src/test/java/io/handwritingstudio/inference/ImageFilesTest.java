package io.handwritingstudio.inference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ImageFilesTest {
    @TempDir
    Path dir;

    private static byte[] png() throws Exception {
        BufferedImage img = Drawings.onWhite(64, 64, Drawings.seven(10, 10, 40, 44), 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void readsAPng() throws Exception {
        Path file = dir.resolve("seven.png");
        Files.write(file, png());
        BufferedImage img = ImageFiles.read(file);
        assertEquals(64, img.getWidth());
        assertFalse(new MnistPreprocessor().preprocess(img).empty());
    }

    @Test
    void textFileIsNotAnImage() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "shopping: milk, eggs\n");
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(file));
        assertEquals("notes.txt: not a readable image (png, jpg, jpeg, bmp or gif)", e.getMessage());
        assertEquals(file, e.path());
    }

    @Test
    void textFileWithImageExtensionIsNotAnImage() throws Exception {
        Path file = dir.resolve("fake.png");
        Files.writeString(file, "not really a png");
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().startsWith("fake.png: "), e.getMessage());
    }

    @Test
    void truncatedPngIsRefused() throws Exception {
        byte[] bytes = png();
        Path file = dir.resolve("half.png");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().startsWith("half.png: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void truncatedJpegIsRefused() throws Exception {
        BufferedImage img = Drawings.onWhite(200, 200, Drawings.seven(20, 20, 150, 160), 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        byte[] bytes = out.toByteArray();
        Path file = dir.resolve("half.jpg");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(ImageReadException.class, () -> ImageFiles.read(file));
    }

    @Test
    void missingFileIsReported() {
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(dir.resolve("gone.png")));
        assertTrue(e.getMessage().startsWith("gone.png: "));
    }

    @Test
    void findImagesWalksSortedRecursiveCaseInsensitive() throws Exception {
        Files.createDirectories(dir.resolve("b/c"));
        for (String name : List.of("z.PNG", "a.jpeg", "b/c/d.Gif", "b/e.bmp", "b/f.JPG", "notes.txt", "b/c/x.tiff")) {
            Files.writeString(dir.resolve(name), "x");
        }
        List<Path> found = ImageFiles.find(dir).images();
        List<String> names = found.stream().map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
        assertEquals(List.of("a.jpeg", "b/c/d.Gif", "b/e.bmp", "b/f.JPG", "z.PNG"), names);
        assertEquals(List.of(dir.resolve("notes.txt")), ImageFiles.find(dir.resolve("notes.txt")).images());
        assertEquals(List.of(dir.resolve("nope") + ": no such file or folder"), ImageFiles.find(dir.resolve("nope")).problems());
    }

    /** A folder of links to pictures kept elsewhere is read like their folder (it said "no images found"). */
    @Test
    void linksInAFolderAreFollowedAndALoopIsAProblemNotAHang() throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        Files.writeString(pictures.resolve("seven.png"), "x");
        Path links = Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(links.resolve("seven.png"), pictures.resolve("seven.png"));
        Files.createSymbolicLink(links.resolve("again"), links); // a loop
        ImageFiles.Found found = ImageFiles.find(links);
        assertEquals(List.of(links.resolve("seven.png")), found.images());
        assertEquals(1, found.problems().size(), found.problems().toString());
    }
}
