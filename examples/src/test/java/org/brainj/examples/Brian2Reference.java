package org.brainj.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of Brian2's own feature tests ({@code brian2/tests/features}) as
 * {@code benchmarks/brian2/features/run_brian2_features.py} wrote them from Brian2 2.5.1 on
 * this machine, read from {@code examples/brian2-features/brian2-2.5.1}, and Brian2's criterion
 * for comparing with them ({@code FeatureTest.compare_arrays}).
 */
final class Brian2Reference {
    static final Path FOLDER = Path.of("brian2-features", "brian2-2.5.1");
    /** Brian2's tolerance for "OK" in its feature-test report. */
    static final double MAX_RELATIVE_ERROR = 1e-5;

    private Brian2Reference() {
    }

    /** The {@code results} of test {@code name}: nested lists of doubles, or a map of them. */
    static Object results(String name) {
        try {
            String text = Files.readString(FOLDER.resolve(name + ".json"));
            Map<?, ?> doc = (Map<?, ?>) new Json(text).value();
            return doc.get("results");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Brian2's reference " + name + " in " + FOLDER.toAbsolutePath()
                    + "; regenerate it with benchmarks/brian2/features/run_brian2_features.py", e);
        }
    }

    /** The whole JSON document {@code name}.json of {@code folder} (a script's output there). */
    static Map<?, ?> document(Path folder, String name) {
        try {
            return (Map<?, ?>) new Json(Files.readString(folder.resolve(name + ".json"))).value();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Brian2's reference " + name + " in " + folder.toAbsolutePath()
                    + "; regenerate it with the script in " + folder.getParent(), e);
        }
    }

    static double[] vector(Object list) {
        List<?> l = (List<?>) list;
        double[] v = new double[l.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = (Double) l.get(k);
        }
        return v;
    }

    static double[][] matrix(Object list) {
        List<?> l = (List<?>) list;
        double[][] m = new double[l.size()][];
        for (int k = 0; k < m.length; k++) {
            m[k] = vector(l.get(k));
        }
        return m;
    }

    /**
     * Brian2's {@code compare_arrays}: over the reference's nonzero entries the largest relative
     * error is at most 1e-5, and where the reference is zero ours is zero too. (Brian2 divides by
     * the signed reference; the absolute value here is the stricter reading.)
     */
    static void compare(String what, double[] reference, double[] ours) {
        if (reference.length != ours.length) {
            fail(what + ": " + ours.length + " values, Brian2 has " + reference.length);
        }
        double worst = 0;
        int at = -1;
        for (int k = 0; k < reference.length; k++) {
            if (reference[k] == 0) {
                if (ours[k] != 0) {
                    fail(what + "[" + k + "] = " + ours[k] + " where Brian2 has 0");
                }
            } else {
                double err = Math.abs((reference[k] - ours[k]) / reference[k]);
                if (!(err <= worst)) {
                    worst = err;
                    at = k;
                }
            }
        }
        double shown = worst;
        int index = at;
        assertTrue(worst <= MAX_RELATIVE_ERROR, () -> what + ": relative error " + shown + " at [" + index + "] (ours "
                + ours[index] + ", Brian2 " + reference[index] + ") > " + MAX_RELATIVE_ERROR);
    }

    static void compare(String what, double[][] reference, double[][] ours) {
        if (reference.length != ours.length) {
            fail(what + ": " + ours.length + " rows, Brian2 has " + reference.length);
        }
        for (int r = 0; r < reference.length; r++) {
            compare(what + "[" + r + "]", reference[r], ours[r]);
        }
    }

    /**
     * A 1-d little-endian float64 ({@code <f8}) or int32 ({@code <i4}) {@code .npy} file of the
     * reference folder, as the script that wrote the references saves Brian2's inputs.
     */
    /** Brian2's monitors are (variable index, step); ours (step, index). */
    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[r].length; c++) {
                t[c][r] = m[r][c];
            }
        }
        return t;
    }

    static double[] npy(String file) {
        try {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(FOLDER.resolve(file)))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            int major = b.get(6);
            int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
            int start = (major == 1 ? 10 : 12) + headerLength;
            String header = new String(java.util.Arrays.copyOfRange(b.array(), start - headerLength, start),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            boolean int32 = header.contains("'<i4'");
            if (!int32 && !header.contains("'<f8'") || header.contains("'fortran_order': True")) {
                throw new IllegalStateException(file + ": not a C-ordered <f8 or <i4 array: " + header);
            }
            int n = (b.capacity() - start) / (int32 ? 4 : 8);
            double[] out = new double[n];
            for (int k = 0; k < n; k++) {
                out[k] = int32 ? b.getInt(start + 4 * k) : b.getDouble(start + 8 * k);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FOLDER.resolve(file).toAbsolutePath()
                    + "; regenerate it with benchmarks/brian2/features/run_brian2_features.py", e);
        }
    }

    /** Just enough JSON for these files: objects, arrays, numbers, strings. */
    private static final class Json {
        private final String s;
        private int at;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(at);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                at++;
                while (peek() != '}') {
                    String key = string();
                    expect(':');
                    m.put(key, value());
                    if (peek() == ',') {
                        at++;
                    }
                }
                at++;
                return m;
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                at++;
                while (peek() != ']') {
                    l.add(value());
                    if (peek() == ',') {
                        at++;
                    }
                }
                at++;
                return l;
            }
            if (c == '"') {
                return string();
            }
            int start = at;
            while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw new IllegalStateException("unexpected '" + c + "' at " + at + " in a Brian2 reference");
            }
            return Double.parseDouble(s.substring(start, at));
        }

        private String string() {
            expect('"');
            int end = s.indexOf('"', at);
            String v = s.substring(at, end);
            at = end + 1;
            return v;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalStateException("expected '" + c + "' at " + at + " in a Brian2 reference");
            }
            at++;
        }

        private char peek() {
            skip();
            return s.charAt(at);
        }

        private void skip() {
            while (Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }
    }
}
