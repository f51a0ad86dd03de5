package io.handwritingstudio.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A network as a learner designs it: a name and the hidden layers in order. Saved as JSON in design files
 * ({@code train --arch-file net.json}) and in every model's card, so any model can be rebuilt and retrained:
 * <pre>{"name": "tiny", "layers": [{"type": "conv", "filters": 4, "kernel": 3}, {"type": "pool"},
 *  {"type": "dense", "units": 16}]}</pre>
 * Omitted fields take defaults (kernel 3, stride 1, valid padding, relu, bias; pool max 2x2).
 */
public record NetworkDesign(String name, List<LayerSpec> layers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public NetworkDesign {
        name = name == null || name.isBlank() ? "custom" : name;
        layers = List.copyOf(layers);
    }

    public NetworkDesign withName(String newName) {
        return new NetworkDesign(newName, layers);
    }

    public NetworkDesign withLayers(List<LayerSpec> newLayers) {
        return new NetworkDesign(name, newLayers);
    }

    /** Reads a design; every problem names the layer and the field ("layer 3 (conv): kernel must be 1 or more"). */
    public static NetworkDesign parse(String json) throws DesignException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DesignException(-1, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        return fromJson(root);
    }

    public static NetworkDesign fromJson(JsonNode root) throws DesignException {
        if (root == null || !root.isObject()) throw new DesignException(-1, "a design is a JSON object with \"layers\"");
        JsonNode layers = root.get("layers");
        if (layers == null || !layers.isArray()) throw new DesignException(-1, "a design needs a \"layers\" list");
        List<LayerSpec> specs = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) specs.add(layer(layers.get(i), i + 1));
        JsonNode name = root.get("name");
        return new NetworkDesign(name == null || name.isNull() ? null : name.asText(), specs);
    }

    private static LayerSpec layer(JsonNode node, int index) throws DesignException {
        if (!node.isObject() || !node.hasNonNull("type")) throw new DesignException(index, "each layer needs a \"type\"");
        String type = node.get("type").asText().toLowerCase(Locale.ROOT);
        Fields f = new Fields(node, index, type);
        LayerSpec spec = switch (type) {
            case "conv", "convolution" -> new LayerSpec.Convolution(f.integer("filters", null), f.integer("kernel", 3),
                    f.integer("stride", 1), f.choice("padding", LayerSpec.Padding.class, LayerSpec.Padding.VALID),
                    f.choice("activation", LayerSpec.Activation.class, LayerSpec.Activation.RELU), f.bool("bias", true));
            case "pool", "pooling" -> {
                int size = f.integer("size", 2);
                yield new LayerSpec.Pooling(f.choice("kind", LayerSpec.PoolKind.class, LayerSpec.PoolKind.MAX), size,
                        f.integer("stride", size));
            }
            case "batchnorm" -> new LayerSpec.BatchNorm();
            case "activation" -> new LayerSpec.ActivationLayer(f.choice("function", LayerSpec.Activation.class, null));
            case "dropout" -> new LayerSpec.Dropout(f.number("rate"));
            case "dense" -> new LayerSpec.Dense(f.integer("units", null),
                    f.choice("activation", LayerSpec.Activation.class, LayerSpec.Activation.RELU), f.bool("bias", true));
            default -> throw new DesignException(index, "unknown layer type '" + type
                    + "' (conv, pool, batchnorm, activation, dropout, dense)");
        };
        f.rejectUnknown();
        return spec;
    }

    public String toJson() {
        ObjectNode root = toJsonNode();
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObjectNode toJsonNode() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        ArrayNode list = root.putArray("layers");
        for (LayerSpec spec : layers) {
            ObjectNode o = list.addObject();
            o.put("type", spec.type());
            if (spec instanceof LayerSpec.Convolution c) {
                o.put("filters", c.filters()).put("kernel", c.kernel()).put("stride", c.stride())
                        .put("padding", c.padding().id()).put("activation", c.activation().id()).put("bias", c.bias());
            } else if (spec instanceof LayerSpec.Pooling p) {
                o.put("kind", p.kind().id()).put("size", p.size()).put("stride", p.stride());
            } else if (spec instanceof LayerSpec.ActivationLayer a) {
                o.put("function", a.activation().id());
            } else if (spec instanceof LayerSpec.Dropout d) {
                o.put("rate", d.rate());
            } else if (spec instanceof LayerSpec.Dense d) {
                o.put("units", d.units()).put("activation", d.activation().id()).put("bias", d.bias());
            }
        }
        return root;
    }

    /** Typed access to one layer's fields with errors that name the layer. */
    private static final class Fields {
        private final JsonNode node;
        private final int index;
        private final String type;
        private final Set<String> used = new java.util.HashSet<>(Set.of("type"));

        Fields(JsonNode node, int index, String type) {
            this.node = node;
            this.index = index;
            this.type = type;
        }

        int integer(String field, Integer fallback) throws DesignException {
            used.add(field);
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                if (fallback == null) throw error(field + " is required");
                return fallback;
            }
            if (!v.canConvertToInt() || !v.isIntegralNumber()) throw error(field + " must be a whole number");
            return v.intValue();
        }

        double number(String field) throws DesignException {
            used.add(field);
            JsonNode v = node.get(field);
            if (v == null || !v.isNumber()) throw error(field + " must be a number");
            return v.doubleValue();
        }

        boolean bool(String field, boolean fallback) throws DesignException {
            used.add(field);
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) return fallback;
            if (!v.isBoolean()) throw error(field + " must be true or false");
            return v.booleanValue();
        }

        <E extends Enum<E>> E choice(String field, Class<E> kind, E fallback) throws DesignException {
            used.add(field);
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                if (fallback == null) throw error(field + " is required");
                return fallback;
            }
            String text = v.asText().toUpperCase(Locale.ROOT);
            for (E e : kind.getEnumConstants()) if (e.name().equals(text)) return e;
            List<String> names = new ArrayList<>();
            for (E e : kind.getEnumConstants()) names.add(e.name().toLowerCase(Locale.ROOT));
            throw error(field + " '" + v.asText() + "' is not one of " + String.join(", ", names));
        }

        void rejectUnknown() throws DesignException {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!used.contains(name)) throw error("unknown field '" + name + "'");
            }
        }

        private DesignException error(String message) {
            return new DesignException(index, type + ": " + message);
        }
    }
}
