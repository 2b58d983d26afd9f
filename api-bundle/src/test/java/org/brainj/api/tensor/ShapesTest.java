package org.brainj.api.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.brainj.api.UnknownNameException;
import org.junit.jupiter.api.Test;

/** Shape arithmetic against numpy's documented broadcasting rules, and the messages of tensor errors. */
class ShapesTest {

    @Test
    void broadcastFollowsNumpy() {
        // numpy broadcasting docs: (8,1,6,1) with (7,1,5) -> (8,7,6,5); (5,4) with (1,) -> (5,4).
        assertArrayEquals(new int[] {8, 7, 6, 5}, Shapes.broadcast("add", new int[] {8, 1, 6, 1}, new int[] {7, 1, 5}));
        assertArrayEquals(new int[] {5, 4}, Shapes.broadcast("add", new int[] {5, 4}, new int[] {1}));
        assertArrayEquals(new int[] {3}, Shapes.broadcast("add", new int[0], new int[] {3}));
        assertArrayEquals(new int[] {0, 3}, Shapes.broadcast("add", new int[] {0, 1}, new int[] {3}));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> Shapes.broadcast("mul", new int[] {2, 1}, new int[] {8, 4, 3}));
        assertTrue(e.getMessage().contains("(2, 1)") && e.getMessage().contains("(8, 4, 3)")
                && e.getMessage().startsWith("mul"), e.getMessage());
    }

    @Test
    void sizesAxesAndFormats() {
        assertEquals(1, Shapes.size());
        assertEquals(24, Shapes.size(2, 3, 4));
        assertEquals(0, Shapes.size(3, 0));
        assertEquals(2, Shapes.axis(-1, 3));
        assertEquals(0, Shapes.axis(-3, 3));
        TensorIndexException e = assertThrows(TensorIndexException.class, () -> Shapes.axis(3, 3));
        assertTrue(e.getMessage().contains("axis 3") && e.getMessage().contains("rank 3"), e.getMessage());
        assertEquals("(5,)", Shapes.format(5));
        assertEquals("()", Shapes.format());
        assertEquals("(2, 3)", Shapes.format(2, 3));
    }

    @Test
    void resultDtypes() {
        // Reduction's contract: floats keep their dtype, int32/bool sums count in int32, their means are float64.
        assertEquals(DType.FLOAT32, Reduction.SUM.resultType(DType.FLOAT32));
        assertEquals(DType.FLOAT64, Reduction.MEAN.resultType(DType.FLOAT64));
        assertEquals(DType.INT32, Reduction.SUM.resultType(DType.BOOL));
        assertEquals(DType.FLOAT64, Reduction.MEAN.resultType(DType.INT32));
        assertEquals(DType.BOOL, Reduction.MAX.resultType(DType.BOOL));
        assertEquals(DType.INT32, Reduction.MIN.resultType(DType.INT32));
        assertEquals(DType.FLOAT32, BinaryOp.ADD.resultType(DType.FLOAT32));
        assertEquals(DType.BOOL, BinaryOp.LT.resultType(DType.FLOAT64));
        assertEquals(DType.BOOL, BinaryOp.XOR.resultType(DType.BOOL));
    }

    @Test
    void errorMessagesNameWhatIsAtFault() {
        String dtype = new DTypeMismatchException("exp", DType.FLOAT64, DType.INT32).getMessage();
        assertTrue(dtype.contains("float64") && dtype.contains("int32") && dtype.contains("astype"), dtype);
        UnknownNameException unknown = new UnknownNameException("backend", "gpu", List.of("cpu", "aparapi"));
        assertEquals(List.of("aparapi", "cpu"), unknown.known());
        assertEquals("unknown backend 'gpu'; known: aparapi, cpu", unknown.getMessage());
    }
}
