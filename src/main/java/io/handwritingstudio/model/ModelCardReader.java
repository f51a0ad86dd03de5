package io.handwritingstudio.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handwritingstudio.files.SafeFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads model cards and says in words what is wrong with a bad one (no parser stack traces, no NullPointerException). */
final class ModelCardReader {
    /** A card is a page of JSON; a thousand classes with long names fit easily. */
    static final int MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelCardReader() {
    }

    static ModelCard read(Path cardFile) throws IOException {
        return parse(SafeFiles.readBounded(cardFile, MAX_BYTES), cardFile.getFileName().toString());
    }

    static ModelCard parse(byte[] json, String what) throws ModelLoadException {
        ModelCard card;
        try {
            card = JSON.readValue(json, ModelCard.class);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ModelLoadException(what + " is not a valid model card: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new ModelLoadException(what + " is not a valid model card: " + e.getMessage(), e);
        }
        if (card == null) throw new ModelLoadException(what + " is empty (the JSON value null)");
        String problem = problem(card);
        if (problem != null) throw new ModelLoadException(what + " " + problem);
        return card;
    }

    /** What makes a card unusable, or null. Class names are what the outputs mean, so they must be there and unique. */
    static String problem(ModelCard card) {
        List<String> names = card.classNames();
        if (names == null || names.isEmpty()) return "lists no class names";
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n == null || n.isBlank()) return "has an empty class name at position " + i;
            if (!seen.add(n)) return "names class '" + n + "' twice: every output needs its own name";
        }
        if (card.epochs() != null && card.epochs() < 0) return "says the model trained " + card.epochs() + " epochs";
        Double acc = card.testAccuracy();
        if (acc != null && !(acc >= 0 && acc <= 1)) return "gives a test accuracy of " + acc + ", outside 0..1";
        return null;
    }
}
