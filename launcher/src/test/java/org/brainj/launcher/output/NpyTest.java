package org.brainj.launcher.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Against the NumPy format specification (numpy.lib.format, version 1.0). */
class NpyTest {
    private static int headerLength(byte[] npy) {
        return (npy[8] & 0xff) | (npy[9] & 0xff) << 8; // little-endian unsigned short after magic and version
    }

    private static String header(byte[] npy) {
        return new String(npy, 10, headerLength(npy), StandardCharsets.US_ASCII);
    }

    @Test
    void startsWithTheMagicAndVersionOneZero() {
        byte[] npy = Npy.float64(new double[] {1, 2}, 2);
        // "\x93NUMPY" then major 1, minor 0
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, Arrays.copyOf(npy, 8));
    }

    @Test
    void headerIsAPythonDictPaddedToSixtyFourBytesAndEndedByANewline() {
        byte[] npy = Npy.float64(new double[6], 2, 3);
        String header = header(npy);
        // the spec: magic + 2 + 2 + header is divisible by 64 (16 in old versions; 64 since NumPy 1.x for alignment)
        assertEquals(0, (10 + headerLength(npy)) % 64);
        assertTrue(header.endsWith("\n"));
        assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", header.strip());
    }

    @Test
    void aOneDimensionalShapeIsAOneTuple() {
        assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }",
                header(Npy.float64(new double[4], 4)).strip());
    }

    @Test
    void dataFollowsLittleEndianInRowMajorOrder() {
        double[][] rows = {{1.5, -2}, {3e-300, Double.MAX_VALUE}};
        byte[] npy = Npy.float64(rows, 2);
        ByteBuffer data = ByteBuffer.wrap(npy, 10 + headerLength(npy), 32).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1.5, data.getDouble());
        assertEquals(-2, data.getDouble());
        assertEquals(3e-300, data.getDouble());
        assertEquals(Double.MAX_VALUE, data.getDouble());
        assertEquals(10 + headerLength(npy) + 32, npy.length);
    }

    @Test
    void anEmptyArrayHasAZeroShape() {
        assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 2), }",
                header(Npy.float64(new double[0], 0, 2)).strip());
    }
}
