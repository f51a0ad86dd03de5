package io.handwritingstudio.inference;

import io.handwritingstudio.files.SafeFiles;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds and reads the image files a user points the studio at. */
public final class ImageFiles {
    /** File extensions we look for, lower case. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
    /**
     * No handwriting needs more: a 12-megapixel phone photo fits six times. A 397-byte PNG can claim 30000x30000,
     * and decoding it would take gigabytes, so the size is read from the header and refused before decoding.
     */
    public static final long MAX_PIXELS = 80_000_000L;
    /** Larger images are decoded subsampled to about this many pixels: everything is reduced to 28x28 anyway. */
    public static final long DECODE_PIXELS = 4_000_000L;

    /** ImageIO format names we accept; others (e.g. WBMP, whose sniffer is lax) could "decode" random bytes. */
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "jpg", "bmp", "gif");

    private static final String NOT_AN_IMAGE = "not a readable image (png, jpg, jpeg, bmp or gif)";

    private ImageFiles() {
    }

    /** What was found under one input: image files, and the paths that could not be searched, with the reason. */
    public record Found(List<Path> images, List<String> problems) {
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
     * A file is returned as is (the user chose it; reading it reports a clear error if it is not an image). A folder
     * is walked for image extensions, sorted by path so runs are reproducible; a sub-folder that cannot be read is a
     * problem of its own, not the end of the search. A missing input, a link loop or an empty folder is a problem.
     */
    public static Found find(Path fileOrDir) {
        if (!Files.isDirectory(fileOrDir)) {
            String what = SafeFiles.whatItIs(fileOrDir);
            return Files.isRegularFile(fileOrDir) ? new Found(List.of(fileOrDir), List.of())
                    : new Found(List.of(), List.of(fileOrDir + ": " + what));
        }
        List<Path> images = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            // links followed, as class-folder datasets do (a loop is reported through visitFileFailed)
            Files.walkFileTree(fileOrDir, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && hasImageExtension(file)) images.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(SafeFiles.describe(e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(SafeFiles.describe(e));
        }
        if (images.isEmpty() && problems.isEmpty()) {
            problems.add(fileOrDir + ": no images found (looked for " + String.join(", ", EXTENSIONS.stream().sorted().toList()) + ")");
        }
        images.sort(null);
        return new Found(List.copyOf(images), List.copyOf(problems));
    }

    /** Reads the first frame of an image file; any failure is an {@link ImageReadException} naming the file. */
    public static BufferedImage read(Path path) throws ImageReadException {
        if (!Files.isRegularFile(path)) throw new ImageReadException(path, SafeFiles.whatItIs(path));
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            if (in == null) throw new ImageReadException(path, "cannot be opened");
            ImageReader reader = readerFor(in);
            if (reader == null) throw new ImageReadException(path, NOT_AN_IMAGE);
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = sizeChecked(path, reader);
                List<String> warnings = new ArrayList<>();
                // Truncated JPEGs decode "successfully" with only a warning; we want to refuse them.
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0, param);
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
        } catch (IIOException | IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException
                 | NegativeArraySizeException e) {
            // Decoders signal corrupt data with all sorts of exceptions.
            throw new ImageReadException(path, "corrupt or truncated image", e);
        } catch (OutOfMemoryError e) {
            throw new ImageReadException(path, "too large to decode in the memory available", e);
        } catch (IOException e) {
            throw new ImageReadException(path, "cannot be read (" + SafeFiles.describe(e) + ")", e);
        }
    }

    /** Refuses absurd sizes from the header alone; asks for a subsampled decode of merely large ones. */
    private static ImageReadParam sizeChecked(Path path, ImageReader reader) throws IOException {
        long w = reader.getWidth(0), h = reader.getHeight(0);
        long pixels = w * h;
        if (w <= 0 || h <= 0) throw new ImageReadException(path, NOT_AN_IMAGE);
        if (pixels > MAX_PIXELS) {
            throw new ImageReadException(path, String.format(Locale.ROOT,
                    "image is %dx%d pixels (%.0f megapixels), more than the limit of %d megapixels", w, h,
                    pixels / 1e6, MAX_PIXELS / 1_000_000));
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (int) Math.ceil(Math.sqrt(pixels / (double) DECODE_PIXELS));
        if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
        return param;
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
