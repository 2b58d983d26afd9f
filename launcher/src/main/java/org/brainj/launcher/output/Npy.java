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

    /**
     * The values of a one-dimensional {@code .npy} array of float64, float32, int64 or int32,
     * little-endian in C order; anything else is refused saying what was found.
     */
    public static double[] read(byte[] file) {
        return read(file, 0);
    }

    /** The values of an array of shape (n, {@code columns}) in C order (row after row); {@code columns} 0: of shape (n,). */
    public static double[] read(byte[] file, int columns) {
        if (file.length < 10 || !Arrays.equals(Arrays.copyOf(file, 6), Arrays.copyOf(MAGIC, 6))) {
            throw new IllegalArgumentException("not a .npy file (no \\x93NUMPY magic)");
        }
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int major = file[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(in.getShort(8)) : in.getInt(8);
        int start = (major == 1 ? 10 : 12);
        String header = new String(file, start, headerLength, StandardCharsets.US_ASCII);
        String descr = field(header, "descr");
        if (header.contains("'fortran_order': True")) {
            throw new IllegalArgumentException("Fortran-ordered arrays are not read; save with np.save(path, np.ascontiguousarray(a))");
        }
        String shape = field(header, "shape").replaceAll("[() ]", "");
        String[] dims = shape.replaceAll(",$", "").split(",");
        if (columns == 0 && (shape.isEmpty() || dims.length != 1)) {
            throw new IllegalArgumentException("shape (" + shape + ") is not one-dimensional; save a 1-d array");
        }
        if (columns > 0 && (dims.length != 2 || !dims[1].equals(Integer.toString(columns)))) {
            throw new IllegalArgumentException("shape (" + shape + ") is not (n, " + columns + "); save an array of "
                    + columns + " columns");
        }
        int n = Integer.parseInt(dims[0]) * Math.max(1, columns);
        in.position(start + headerLength);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = switch (descr) {
                case "<f8" -> in.getDouble();
                case "<f4" -> in.getFloat();
                case "<i8" -> in.getLong();
                case "<i4" -> in.getInt();
                default -> throw new IllegalArgumentException("dtype '" + descr + "' is not read; save float64, float32,"
                        + " int64 or int32 (little-endian)");
            };
        }
        return values;
    }

    private static String field(String header, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'" + key + "':\\s*('([^']*)'|\\(([^)]*)\\))").matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("the header has no '" + key + "': " + header.trim());
        }
        return m.group(2) != null ? m.group(2) : "(" + m.group(3) + ")";
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
