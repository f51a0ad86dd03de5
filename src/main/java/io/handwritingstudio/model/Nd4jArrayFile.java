package io.handwritingstudio.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads the arrays a model zip stores ({@code coefficients.bin}, {@code updaterState.bin}) in ND4J's binary layout:
 * a shape buffer, then a data buffer, each written as (allocation mode, length, data type, values). ND4J's own reader
 * allocates whatever length the header claims, so a 500-byte file can ask for gigabytes; here the claimed length must
 * equal what the network's configuration needs and the bytes that really follow, before anything is allocated.
 */
final class Nd4jArrayFile {
    private static final int MAX_SHAPE_LENGTH = 64;

    private Nd4jArrayFile() {
    }

    /** The values of a stored vector of exactly {@code expectedLength} elements, as floats. */
    static float[] readVector(byte[] bytes, long expectedLength, String entry) throws ModelLoadException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            readUtf(in, entry);
            long shapeLength = in.readLong();
            if (shapeLength < 1 || shapeLength > MAX_SHAPE_LENGTH) throw bad(entry, "impossible shape header (" + shapeLength + ")");
            int shapeElement = elementSize(readUtf(in, entry), entry);
            in.skipNBytes(shapeLength * shapeElement);
            readUtf(in, entry);
            long length = in.readLong();
            String type = readUtf(in, entry);
            int size = elementSize(type, entry);
            if (length != expectedLength) {
                throw bad(entry, "holds " + length + " numbers, but the network's configuration needs " + expectedLength);
            }
            if ((long) in.available() != length * size) {
                throw bad(entry, "declares " + length + " numbers (" + length * size + " bytes) but "
                        + in.available() + " bytes follow: truncated or padded");
            }
            float[] values = new float[(int) length];
            for (int i = 0; i < values.length; i++) values[i] = readValue(in, type);
            return values;
        } catch (EOFException e) {
            throw bad(entry, "truncated");
        } catch (IOException e) {
            throw bad(entry, "unreadable (" + e.getMessage() + ")");
        }
    }

    private static String readUtf(DataInputStream in, String entry) throws IOException {
        String s = in.readUTF();
        if (s.length() > 32) throw bad(entry, "not an ND4J array (header text too long)");
        return s;
    }

    private static int elementSize(String type, String entry) throws ModelLoadException {
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "FLOAT", "INT" -> 4;
            case "DOUBLE", "LONG" -> 8;
            default -> throw bad(entry, "unsupported number type '" + type + "'");
        };
    }

    private static float readValue(DataInputStream in, String type) throws IOException {
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "FLOAT" -> in.readFloat();
            case "DOUBLE" -> (float) in.readDouble();
            case "INT" -> in.readInt();
            default -> in.readLong();
        };
    }

    private static ModelLoadException bad(String entry, String problem) {
        return new ModelLoadException(entry + " " + problem);
    }
}
