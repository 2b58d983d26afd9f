package org.brainj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.brainj.api.UnknownNameException;
import org.junit.jupiter.api.Test;

/**
 * The component description bnd generates from the annotations (what SCR reads), and the
 * custom-op binding SCR drives through it.
 */
class DeclarativeServicesTest {

    private static String descriptor() throws IOException {
        try (InputStream in = CpuBackend.class.getResourceAsStream("/OSGI-INF/" + CpuBackend.class.getName() + ".xml")) {
            assertNotNull(in, "bnd generates OSGI-INF/" + CpuBackend.class.getName() + ".xml");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theComponentProvidesABackendNamedCpu() throws IOException {
        String xml = descriptor();
        assertTrue(xml.contains("<provide interface=\"org.brainj.api.tensor.Backend\"/>"), xml);
        assertTrue(xml.contains("name=\"backend.name\" type=\"String\" value=\"cpu\""), xml);
    }

    @Test
    void customOpsAreADynamicMultipleReferenceFilteredToCpu() throws IOException {
        String xml = descriptor();
        assertTrue(xml.contains("interface=\"org.brainj.api.tensor.CustomOp\""), xml);
        assertTrue(xml.contains("cardinality=\"0..n\""), xml);
        assertTrue(xml.contains("policy=\"dynamic\""), xml);
        assertTrue(xml.contains("target=\"(backend.name=cpu)\""), xml);
    }

    @Test
    void underTheFrameworkOnlyBoundOpsCount() {
        CpuBackend cpu = new CpuBackend();
        cpu.activate();
        assertEquals(Set.of(), cpu.opNames(), "the ServiceLoader entries are not used under OSGi");
        Softplus op = new Softplus();
        cpu.addOp(op);
        assertEquals(Set.of("softplus"), cpu.opNames());
        assertEquals(op, cpu.op("softplus"));
        cpu.removeOp(op);
        assertThrows(UnknownNameException.class, () -> cpu.op("softplus"));
    }
}
