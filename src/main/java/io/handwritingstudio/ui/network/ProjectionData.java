package io.handwritingstudio.ui.network;

import java.util.List;

/**
 * A finished projection: point {@code i} is dataset image {@code indices[i]} with class {@code labels[i]}.
 *
 * @param layerName the hidden layer the points come from
 * @param pixels    each point's 28x28 image (row-major bytes, 0 = background), for the hover preview
 */
public record ProjectionData(String dataset, String layerName, float[][] xy, int[] labels, int[] indices,
                             List<String> classNames, long millis, byte[][] pixels) {
}
