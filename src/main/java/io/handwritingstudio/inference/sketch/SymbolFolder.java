package io.handwritingstudio.inference.sketch;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes drawings of the {@link Symbols} as an image-folder dataset ({@code DIR/train/plus/000.png},
 * {@code DIR/test/plus/000.png}), each drawing by another seeded writer; held-out drawings come from writers the
 * training drawings never saw. For demos, screenshots and tests:
 * {@code java -cp "target/classes:target/lib/*" io.handwritingstudio.inference.sketch.SymbolFolder DIR [train [test]]}.
 */
public final class SymbolFolder {
    /** Pixels of a written drawing (dark on white, like a scan); the reader scales it to 28x28. */
    static final int SIZE = 160;

    private SymbolFolder() {
    }

    public static void write(Path dir, int trainPerSymbol, int testPerSymbol) throws IOException {
        int writer = 0;
        for (Map.Entry<String, List<double[][]>> symbol : new TreeMap<>(Symbols.MATH).entrySet()) {
            for (int i = 0; i < trainPerSymbol; i++) draw(dir.resolve("train").resolve(symbol.getKey()), i, symbol.getValue(), writer++);
            for (int i = 0; i < testPerSymbol; i++) draw(dir.resolve("test").resolve(symbol.getKey()), i, symbol.getValue(), 1000 + writer++);
        }
    }

    private static void draw(Path folder, int i, List<double[][]> template, int writer) throws IOException {
        Files.createDirectories(folder);
        BufferedImage image = StrokeRenderer.render(HandWriter.number(7, writer).draw(template), SIZE, SIZE, SIZE / HandWriter.CANVAS);
        ImageIO.write(image, "png", folder.resolve(String.format(Locale.ROOT, "%03d.png", i)).toFile());
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SymbolFolder DIR [drawings per symbol to train on (20)] [held out (10)]");
            System.exit(2);
        }
        write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 20, args.length > 2 ? Integer.parseInt(args[2]) : 10);
        System.out.println("Wrote " + args[0]);
    }
}
