package org.brainj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.brainj.api.UnknownNameException;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Backends;
import org.brainj.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Without an OSGi framework the API finds the CPU backend, and the backend its custom ops, through ServiceLoader. */
class PlainClasspathTest {

    @Test
    void backendsFindsTheCpuBackendAndItComputes() {
        Backend cpu = Backends.get("cpu");
        assertInstanceOf(CpuBackend.class, cpu);
        assertTrue(Backends.available().stream().anyMatch(b -> b.name().equals("cpu")));
        Tensor sum = cpu.add(cpu.asTensor(new double[] {1, 2}), cpu.asTensor(new double[] {0.5, 0.25}));
        assertArrayEquals(new double[] {1.5, 2.25}, sum.toDoubleArray());
    }

    @Test
    void anUnknownBackendListsTheKnownOnes() {
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> Backends.get("nope"));
        assertTrue(e.known().contains("cpu"), e.known().toString());
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("cpu"), e.getMessage());
    }

    @Test
    void customOpsOfThisBackendAreFoundAndOthersLeftOut() {
        Backend cpu = Backends.get("cpu");
        assertEquals(Set.of("softplus"), cpu.opNames());
        Tensor y = cpu.op("softplus").apply(cpu, cpu.asTensor(new double[] {0, 2}));
        // softplus(0) = ln 2; softplus(2) = ln(1 + e^2).
        assertArrayEquals(new double[] {Math.log(2), Math.log(1 + Math.exp(2))}, y.toDoubleArray(), 1e-15);
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> cpu.op("gpu_only"));
        assertEquals(java.util.List.of("softplus"), e.known());
    }
}
