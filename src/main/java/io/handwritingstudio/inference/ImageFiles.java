package io.handwritingstudio.inference;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Finds and reads the image files a user points the studio at. */
public final class ImageFiles {
    /** File extensions we look for, lower case. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    /** ImageIO format names we accept; others (e.g. WBMP, whose sniffer is lax) could "decode" random bytes. */
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "jpg", "bmp", "gif");

    private static final String NOT_AN_IMAGE = "not a readable image (png, jpg, jpeg, bmp or gif)";

    private ImageFiles() {
    }

    /** True if the file name ends in one of {@link #EXTENSIONS}, ignoring case. */
    public static boolean hasImageExtension(Path path) {
        Path name = path.getFileName();
        if (name == null) return false;
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(s.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * A file is returned as is (the user chose it; reading it reports a clear error if it is not an image).
     * A directory is walked recursively for image extensions, sorted by path so runs are reproducible.
     */
    public static List<Path> findImages(Path fileOrDir) throws IOException {
        if (!Files.isDirectory(fileOrDir)) {
            if (!Files.exists(fileOrDir)) throw new java.nio.file.NoSuchFileException(fileOrDir.toString());
            return List.of(fileOrDir);
        }
        try (Stream<Path> walk = Files.walk(fileOrDir)) {
            return walk.filter(Files::isRegularFile).filter(ImageFiles::hasImageExtension).sorted().toList();
        }
    }

    /** Reads the first frame of an image file; any failure is an {@link ImageReadException} naming the file. */
    public static BufferedImage read(Path path) throws ImageReadException {
        if (!Files.isRegularFile(path)) throw new ImageReadException(path, "no such file");
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            if (in == null) throw new ImageReadException(path, "cannot be opened");
            ImageReader reader = readerFor(in);
            if (reader == null) throw new ImageReadException(path, NOT_AN_IMAGE);
            try {
                reader.setInput(in, true, true);
                List<String> warnings = new ArrayList<>();
                // Truncated JPEGs decode "successfully" with only a warning; we want to refuse them.
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                for (String w : warnings) {
                    String lower = w.toLowerCase(Locale.ROOT);
                    if (lower.contains("premature end") || lower.contains("truncat")) {
                        throw new ImageReadException(path, "truncated image");
                    }
                }
                if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
                    throw new ImageReadException(path, NOT_AN_IMAGE);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (ImageReadException e) {
            throw e;
        } catch (IIOException | IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException e) {
            // Decoders signal corrupt data with all sorts of exceptions.
            throw new ImageReadException(path, "corrupt or truncated image", e);
        } catch (IOException e) {
            throw new ImageReadException(path, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static ImageReader readerFor(ImageInputStream in) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader r = readers.next();
            if (r.getOriginatingProvider() == null) continue;
            for (String format : r.getOriginatingProvider().getFormatNames()) {
                if (FORMATS.contains(format.toLowerCase(Locale.ROOT))) return r;
            }
        }
        return null;
    }
}
