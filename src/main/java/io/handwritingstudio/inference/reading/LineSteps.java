package io.handwritingstudio.inference.reading;

import io.handwritingstudio.inference.GrayImage;

import java.util.List;

/**
 * How a line was read, step by step, for showing: the ink mask, the connected components, the groups taken as
 * characters (or touching characters) before cutting. Boxes are [x, y, w, h] in working pixels; multiply by
 * {@code scale} for source pixels.
 *
 * @param mask 1 where the ink mask is set, else 0 (working pixels)
 */
public record LineSteps(GrayImage mask, int scale, List<int[]> components, List<int[]> groups) {
}
