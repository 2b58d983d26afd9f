package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Backends;
import org.junit.jupiter.api.Test;

/** Without OSGi the API finds the Aparapi backend through ServiceLoader. */
@RequiresOpenCL
class PlainClasspathTest {
    @Test
    void backendsFindsTheAparapiBackendAndItComputes() {
        Backend b = Backends.get("aparapi");
        assertInstanceOf(AparapiBackend.class, b);
        // 1 + 0.5 and 2 * 0.25 + 2, by hand.
        assertArrayEquals(new double[] {1.5, 2.5}, b.add(b.asTensor(new double[] {1, 2}),
                b.asTensor(new double[] {0.5, 0.5})).toDoubleArray());
    }
}
