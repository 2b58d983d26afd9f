package org.brainj.launcher.output;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * NumPy's {@code .npy} format, version 1.0, for float64 arrays: the magic {@code \x93NUMPY},
 * the version, a little-endian header length, an ASCII header dict padded with spaces to a
 * multiple of 64 bytes and ended by a newline, then the data, little-endian, in C order.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGN = 64;

    private Npy() {
    }

    /** A float64 array of {@code shape} holding {@code data} in C (row-major) order. */
    public static byte[] float64(double[] data, int... shape) {
        long size = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        if (size != data.length) {
            throw new IllegalArgumentException(data.length + " values for shape " + Arrays.toString(shape));
        }
        byte[] header = header("<f8", shape);
        ByteBuffer body = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        body.asDoubleBuffer().put(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length + 2 + header.length + body.capacity());
        out.writeBytes(MAGIC);
        out.write(header.length & 0xff);
        out.write(header.length >>> 8);
        out.writeBytes(header);
        out.writeBytes(body.array());
        return out.toByteArray();
    }

    /** Rows of equal length as a 2-d array. */
    public static byte[] float64(double[][] rows, int columns) {
        double[] flat = new double[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        return float64(flat, rows.length, columns);
    }

    private static byte[] header(String descr, int[] shape) {
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String tuple = "(" + dims + (shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + tuple + ", }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (ALIGN - unpadded % ALIGN) % ALIGN;
        if (dict.length() + padding + 1 > 0xffff) {
            throw new IllegalArgumentException("shape " + tuple + " makes a header too long for .npy version 1.0");
        }
        return (dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
