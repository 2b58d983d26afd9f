package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The component description bnd generates from the annotations, which SCR reads. */
class DeclarativeServicesTest {
    @Test
    void theComponentProvidesABackendNamedAparapiWithDynamicCustomOps() throws IOException {
        String xml;
        try (InputStream in = AparapiBackend.class.getResourceAsStream("/OSGI-INF/" + AparapiBackend.class.getName() + ".xml")) {
            assertNotNull(in, "bnd generates OSGI-INF/" + AparapiBackend.class.getName() + ".xml");
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains("<provide interface=\"org.brainj.api.tensor.Backend\"/>"), xml);
        assertTrue(xml.contains("name=\"backend.name\" type=\"String\" value=\"aparapi\""), xml);
        assertTrue(xml.contains("interface=\"org.brainj.api.tensor.CustomOp\"") && xml.contains("policy=\"dynamic\"")
                && xml.contains("target=\"(backend.name=aparapi)\""), xml);
    }
}
