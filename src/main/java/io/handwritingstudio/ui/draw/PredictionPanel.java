package io.handwritingstudio.ui.draw;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.theme.Styles;

import io.handwritingstudio.inference.Recognition;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.kit.Formats;
import io.handwritingstudio.ui.kit.ProbabilityBars;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The model's answer: the top class large with its confidence, and a bar for every class. */
final class PredictionPanel extends VBox {
    /** Ink spanning less of the pad than this is a dot or a scribble, not a character written small. */
    static final double SMALL_DRAWING = 0.12;
    /** Why a dot reads as a confident 0: the preprocessing enlarges any ink to fill the frame, as MNIST's was. */
    static final String SMALL_DRAWING_NOTE = " Drawn very small: it is enlarged to fill the frame, as every training"
            + " image was (see what the network sees).";

    private final DrawViewModel vm;
    private final Label prediction = new Label();
    private final Label confidence = new Label();
    private final Label hint = new Label();
    private final Label reads = new Label();
    private final ProbabilityBars bars = ProbabilityBars.allClasses();
    private final Button inspect = new Button("Inspect in network");

    PredictionPanel(DrawViewModel vm) {
        super(10);
        this.vm = vm;
        getStyleClass().addAll("card-pane", "draw-column");
        Label title = Texts.title("Prediction");
        reads.setId("draw-reads");
        reads.getStyleClass().add(Styles.TEXT_MUTED);
        HBox heading = new HBox(10, title, reads);
        heading.setAlignment(Pos.BASELINE_LEFT);
        prediction.setId("draw-prediction");
        prediction.getStyleClass().add("draw-prediction");
        prediction.managedProperty().bind(prediction.textProperty().isNotEmpty()); // the hint takes its place
        confidence.setId("draw-confidence");
        confidence.getStyleClass().add("draw-confidence");
        hint.setId("draw-hint");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, "draw-hint");
        Texts.wrapping(hint);
        VBox answerText = new VBox(2, confidence, hint);
        answerText.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(answerText, Priority.ALWAYS);
        HBox answer = new HBox(16, prediction, answerText);
        answer.setAlignment(Pos.CENTER_LEFT);
        answer.getStyleClass().add("draw-answer");

        Label barsTitle = new Label("Probability of every class");
        barsTitle.getStyleClass().add(Styles.TEXT_MUTED);
        bars.setId("draw-bars");
        ScrollPane scroll = new ScrollPane(bars);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("draw-bars-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        inspect.setId("draw-inspect");
        inspect.setMaxWidth(Double.MAX_VALUE);
        inspect.setTooltip(new Tooltip("Open the network view on this 28x28 input: every layer, filters, saliency"));
        inspect.setOnAction(e -> vm.inspect());
        getChildren().addAll(heading, answer, barsTitle, scroll, new InsidePanel(vm), inspect);

        vm.readingProperty().addListener((o, a, r) -> show(vm.model(), r));
        show(vm.model(), null);
    }

    void show(ModelHandle model, Reading reading) {
        if (model != null) bars.setClasses(model.classNames());
        reads.setText(model == null ? "" : "reads " + Wording.reads(model.classNames()).toLowerCase(java.util.Locale.ROOT));
        Recognition rec = reading == null ? null : reading.recognition();
        boolean known = reading != null && reading.hasPrediction() && rec.classes().names().equals(model == null ? null : model.classNames());
        inspect.setDisable(reading == null || reading.isBlank());
        if (!known) {
            prediction.setText("");
            confidence.setText("");
            bars.show(null);
            hint.setText(model == null ? "No model loaded yet: pick one above or train one."
                    : "Draw " + Wording.aCharacter(model.classNames()) + " on the pad: every bar moves as you draw.");
            hint.setVisible(true);
            return;
        }
        prediction.setText(rec.prediction());
        confidence.setText(Formats.percent(rec.confidence()) + " sure");
        // a digits-and-letters model torn between look-alikes says so rather than pretending
        hint.setText(io.handwritingstudio.inference.LookAlikes.question(rec.classes().names(), rec.probabilities())
                .map(q -> q + " These two look alike to the network; both are close.")
                .orElse(confidenceNote(rec.confidence()))
                + (vm.imageProperty().get() == null && reading.inkSpan() < SMALL_DRAWING ? SMALL_DRAWING_NOTE : ""));
        bars.show(rec.probabilities());
    }

    private static String confidenceNote(float confidence) {
        if (confidence >= 0.9f) return "The network is confident.";
        if (confidence >= 0.6f) return "Fairly sure; look at the runner-up below.";
        return "Unsure: several classes look plausible.";
    }

    ProbabilityBars bars() {
        return bars;
    }
}
