package io.handwritingstudio.ui.draw;

import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The ways a picture reaches a pad besides "Open image…": pasted (Ctrl+V, Paste) and dropped on the paper. One
 * component, so the character pad and the line pad take pictures alike.
 */
final class PictureTransfer {
    /** What a pad does with what arrives. */
    interface Receiver {
        void openFile(Path file);

        void openPicture(Image picture, String name);

        void refuse(String problem);
    }

    private PictureTransfer() {
    }

    /** Reads the clipboard's picture, or its first file; says so when it holds neither. */
    static void paste(Receiver receiver) {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasImage()) receiver.openPicture(clipboard.getImage(), "pasted picture");
        else if (clipboard.hasFiles() && !clipboard.getFiles().isEmpty()) receiver.openFile(clipboard.getFiles().get(0).toPath());
        else receiver.refuse("The clipboard holds no picture or image file to read.");
    }

    /** Lets files and pictures be dropped on {@code paper}; the first file of several is read. */
    static void acceptDrops(Node paper, Receiver receiver) {
        paper.setOnDragOver(e -> {
            Dragboard board = e.getDragboard();
            if (board.hasFiles() || board.hasImage()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        paper.setOnDragDropped(e -> {
            Dragboard board = e.getDragboard();
            List<File> files = board.hasFiles() ? board.getFiles() : List.of();
            if (!files.isEmpty()) receiver.openFile(files.get(0).toPath());
            else if (board.hasImage()) receiver.openPicture(board.getImage(), "dropped picture");
            e.setDropCompleted(!files.isEmpty() || board.hasImage());
            e.consume();
        });
    }
}
