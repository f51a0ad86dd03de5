package io.handwritingstudio.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Digits and letters together, so one model can read any character: 36 classes "0".."9", "A".."Z" from MNIST and
 * the handwritten letters. The training split is balanced by sampling (every class gets the same number of images,
 * small classes drawn with replacement; augmentation makes repeats differ); the test split keeps every test image,
 * digits first, then letters. Letters are re-framed MNIST's way ({@link MnistFraming}) and given the digits' grey
 * levels ({@link InkLevels}), so neither size nor stroke softness says whether a glyph is a digit or a letter; the
 * trainer then flattens every image's ink ({@link InkTexture}), so neither does the texture each source's resampling
 * left on the edges.
 */
public final class CharactersDataset {
    public static final String NAME = "characters";
    public static final int TRAIN_PER_CLASS = 2_200;
    private static final long SEED = 36;

    private CharactersDataset() {
    }

    public static ClassNames classes() {
        List<String> names = new ArrayList<>(ClassNames.digits().names());
        for (char c = 'A'; c <= 'Z'; c++) names.add(String.valueOf(c));
        return new ClassNames(names);
    }

    static LabeledImages load(DatasetRepository repository, Split split, DownloadListener listener) throws IOException {
        LabeledImages digits = repository.load(DatasetCatalog.MNIST, split, listener);
        LabeledImages letters = InkLevels.matchTo(MnistFraming.apply(repository.load(DatasetCatalog.LETTERS, split, listener)), digits);
        if (split == Split.TRAIN) {
            digits = balanced(digits);
            letters = balanced(letters);
        }
        return concat(digits, letters);
    }

    /** {@link #TRAIN_PER_CLASS} images of each class, drawn with a fixed seed. */
    static LabeledImages balanced(LabeledImages images) {
        int k = images.classes().size();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) byClass.add(new ArrayList<>());
        for (int i = 0; i < images.size(); i++) byClass.get(images.label(i)).add(i);
        SplittableRandom rng = new SplittableRandom(SEED + k);
        int[] picked = new int[k * TRAIN_PER_CLASS];
        int n = 0;
        for (List<Integer> members : byClass) {
            java.util.Collections.shuffle(members, new java.util.Random(rng.nextLong()));
            for (int j = 0; j < TRAIN_PER_CLASS; j++) {
                picked[n++] = j < members.size() ? members.get(j) : members.get(rng.nextInt(members.size()));
            }
        }
        return images.select(picked);
    }

    /** Digits keep labels 0..9; letters A..Z become 10..35. */
    static LabeledImages concat(LabeledImages digits, LabeledImages letters) {
        int px = digits.pixelsPerImage();
        byte[] pixels = new byte[(digits.size() + letters.size()) * px];
        System.arraycopy(digits.sharedPixels(), 0, pixels, 0, digits.size() * px);
        System.arraycopy(letters.sharedPixels(), 0, pixels, digits.size() * px, letters.size() * px);
        int[] labels = new int[digits.size() + letters.size()];
        for (int i = 0; i < digits.size(); i++) labels[i] = digits.label(i);
        for (int i = 0; i < letters.size(); i++) labels[digits.size() + i] = 10 + letters.label(i);
        return new LabeledImages(pixels, labels, digits.rows(), digits.cols(), classes());
    }
}
