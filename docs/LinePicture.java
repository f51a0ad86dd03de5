import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.inference.reading.SyntheticLines;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;

/**
 * A photo-like line for the screenshots: the first line from SyntheticLines (seed given) that is on tinted paper,
 * dark ink, with the wanted number of characters, enlarged 3x like a phone photo. Run from the repository root:
 * {@code java -cp target/handwriting-studio.jar docs/LinePicture.java OUT.png [seed] [characters]}.
 */
public class LinePicture {
    public static void main(String[] args) throws Exception {
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 13;
        int chars = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        var test = DatasetRepository.createDefault().load("mnist", Split.TEST, DownloadListener.SILENT);
        SyntheticLines lines = new SyntheticLines(test, seed);
        SyntheticLines.Options paper = new SyntheticLines.Options(chars, chars, 0.2, 0, 1, 1);
        SyntheticLines.Line line = lines.next(paper);
        BufferedImage small = line.image();
        BufferedImage big = new BufferedImage(small.getWidth() * 3, small.getHeight() * 3, BufferedImage.TYPE_INT_RGB);
        var g = big.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 0, 0, big.getWidth(), big.getHeight(), null);
        g.dispose();
        ImageIO.write(big, "png", new File(args[0]));
        System.out.println(args[0] + ": " + line.text() + (line.touching().isEmpty() ? "" : " (touching after " + line.touching() + ")"));
    }
}
