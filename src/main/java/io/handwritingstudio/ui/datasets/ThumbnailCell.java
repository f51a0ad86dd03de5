package io.handwritingstudio.ui.datasets;

import io.handwritingstudio.data.MnistFormat;

import io.handwritingstudio.ui.kit.GrayImages;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;

import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * One sample in the grid: its image and label. Cells are recycled while scrolling, so each keeps one 28x28
 * {@link WritableImage} and one pixel buffer and only rewrites the pixels (no allocation per item).
 */
final class ThumbnailCell extends GridCell<Integer> {
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final int[] GREY = GrayImages.table(GrayImages.GREY);

    private final Supplier<LoadedDataset> dataset;
    private final ReadOnlyIntegerProperty selectedIndex;
    private WritableImage image = new WritableImage(MnistFormat.SIDE, MnistFormat.SIDE);
    private int[] argb = new int[MnistFormat.PIXELS];
    private final ImageView view = new ImageView(image);
    private final Label label = new Label();
    private final VBox box;

    ThumbnailCell(Supplier<LoadedDataset> dataset, ReadOnlyIntegerProperty selectedIndex, IntConsumer onSelect) {
        this.dataset = dataset;
        this.selectedIndex = selectedIndex;
        getStyleClass().add("thumbnail-cell");
        view.setSmooth(false);
        view.setFitWidth(56);
        view.setFitHeight(56);
        label.getStyleClass().add("thumbnail-label");
        box = new VBox(2, view, label);
        box.setAlignment(Pos.CENTER);
        selectedIndex.addListener((o, was, is) -> updateSelected());
        setOnMouseClicked(e -> {
            if (getItem() != null) onSelect.accept(getItem());
        });
    }

    @Override
    protected void updateItem(Integer index, boolean empty) {
        super.updateItem(index, empty);
        LoadedDataset data = dataset.get();
        if (empty || index == null || data == null || index >= data.size()) {
            setGraphic(null);
            setText(null);
            pseudoClassStateChanged(SELECTED, false);
            return;
        }
        int rows = data.images().rows(), cols = data.images().cols(), n = rows * cols;
        if (image.getWidth() != cols || image.getHeight() != rows) { // custom folders may hold other sizes
            image = new WritableImage(cols, rows);
            argb = new int[n];
            view.setImage(image);
        }
        GrayImages.paint(image, data.images().sharedPixels(), index * n, GREY, argb);
        label.setText(data.className(index));
        setText(null);
        setGraphic(box);
        updateSelected();
    }

    /** The label text shown under the image (for tests and accessibility). */
    String shownLabel() {
        return getGraphic() == null ? null : label.getText();
    }

    private void updateSelected() {
        pseudoClassStateChanged(SELECTED, getItem() != null && getItem() == selectedIndex.get());
    }

}
