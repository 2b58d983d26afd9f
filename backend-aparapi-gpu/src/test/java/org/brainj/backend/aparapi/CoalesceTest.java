package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Launch geometry: axes every operand walks as one merge, as numpy's iterator coalesces them. */
class CoalesceTest {
    private static Device.Slot slot(int... strides) {
        return new Device.Slot(OpKernel.F64, 0, strides);
    }

    @Test
    void contiguousOperandsBecomeOneAxis() {
        Device.Slot[] slots = {slot(12, 4, 1), slot(12, 4, 1), Device.Slot.NONE, Device.Slot.NONE};
        assertArrayEquals(new int[] {24}, Device.coalesce(new int[] {2, 3, 4}, slots));
        assertArrayEquals(new int[] {1}, slots[0].strides());
        assertArrayEquals(new int[] {1}, slots[1].strides());
    }

    @Test
    void aBroadcastAxisStaysApartAndAxesOfOneDrop() {
        // (3, 1, 4) + (4,): out strides (4, 4, 1), the row operand (0, 0, 1); the middle axis has extent 1.
        Device.Slot[] slots = {slot(4, 4, 1), slot(0, 0, 1), Device.Slot.NONE, Device.Slot.NONE};
        assertArrayEquals(new int[] {3, 4}, Device.coalesce(new int[] {3, 1, 4}, slots));
        assertArrayEquals(new int[] {4, 1}, slots[0].strides());
        assertArrayEquals(new int[] {0, 1}, slots[1].strides());
    }

    @Test
    void aConcatenationPartKeepsTheOutputsLongerRows() {
        // a (2, 2) part written into columns of a (2, 5) output: rows 5 apart, so the axes stay.
        Device.Slot[] slots = {slot(5, 1), slot(2, 1), Device.Slot.NONE, Device.Slot.NONE};
        assertArrayEquals(new int[] {2, 2}, Device.coalesce(new int[] {2, 2}, slots));
        assertArrayEquals(new int[] {5, 1}, slots[0].strides());
    }

    @Test
    void aScalarHasNoAxes() {
        Device.Slot[] slots = {slot(), slot(), Device.Slot.NONE, Device.Slot.NONE};
        assertArrayEquals(new int[0], Device.coalesce(new int[0], slots));
    }
}
