package io.handwritingstudio.inference.sketch;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A learner's own digits for the README's fine-tuning example: MNIST digits written as one learner would, turned 35
 * degrees with a bold pen, dark on white like a scan. 30 per digit from MNIST train to learn from, 500 from MNIST
 * test held out. For the README, demos and FineTuneTest:
 * {@code java -cp "target/classes:target/lib/*" io.handwritingstudio.inference.sketch.SlantedHand DIR}.
 */
public final class SlantedHand {
    private SlantedHand() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        DatasetRepository repository = DatasetRepository.createDefault();
        LabeledImages train = repository.load("mnist", Split.TRAIN, DownloadListener.SILENT);
        LabeledImages test = repository.load("mnist", Split.TEST, DownloadListener.SILENT);
        int[] perClass = new int[10];
        for (int i = 0, n = 0; i < train.size() && n < 300; i++) {
            int c = train.label(i);
            if (perClass[c] >= 30) continue;
            perClass[c]++;
            n++;
            save(train, i, dir.resolve("train").resolve(String.valueOf(c)).resolve("t" + i + ".png"));
        }
        for (int i = 0; i < 500; i++) save(test, i, dir.resolve("test").resolve(String.valueOf(test.label(i))).resolve("h" + i + ".png"));
        System.out.println("Wrote " + dir + ": 300 digits to learn from, 500 held out");
    }

    /** One digit of {@code images}, written in the learner's hand, as a PNG. */
    public static void save(LabeledImages images, int index, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) for (int x = 0; x < 28; x++) small.getRaster().setSample(x, y, 0, 255 - images.pixel(index, y, x));
        BufferedImage big = new BufferedImage(112, 112, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 112, 112);
        g.rotate(Math.toRadians(35), 56, 56);
        g.drawImage(small, 0, 0, 112, 112, null);
        g.dispose();
        BufferedImage bold = new BufferedImage(112, 112, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 112; y++) for (int x = 0; x < 112; x++) {
            int min = 255; // a bolder pen: the darkest of the 3x3 neighbourhood
            for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
                min = Math.min(min, big.getRaster().getSample(Math.min(111, Math.max(0, x + dx)), Math.min(111, Math.max(0, y + dy)), 0));
            }
            bold.getRaster().setSample(x, y, 0, min);
        }
        ImageIO.write(bold, "png", file.toFile());
    }
}
