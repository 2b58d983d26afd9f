package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.UnknownNameException;
import org.brainj.api.connect.ConnectorFactory;
import org.brainj.launcher.platform.Platform;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

/** A spec's connector is looked up by its name: only its component is activated; an unknown name still lists all. */
class ConnectorLookupIT {
    @Test
    void onlyTheNamedConnectorIsGotAndAnUnknownNameListsTheCatalog() throws Exception {
        try (Platform platform = Platform.start(Platform.defaultBundleDir())) {
            RegistryCatalog catalog = new RegistryCatalog(platform);

            assertEquals("FixedProb", catalog.connector("FixedProb").name());
            int others = 0;
            for (ServiceReference<ConnectorFactory> ref : platform.context().getServiceReferences(ConnectorFactory.class, null)) {
                if (!"FixedProb".equals(ref.getProperty(ConnectorFactory.NAME_PROPERTY))) {
                    assertNull(ref.getUsingBundles(), ref.getProperty(ConnectorFactory.NAME_PROPERTY) + " was got");
                    others++;
                }
            }
            assertTrue(others > 20, "the catalog's other connectors are registered: " + others);

            UnknownNameException unknown = assertThrows(UnknownNameException.class, () -> catalog.connector("fixedprob"));
            assertTrue(unknown.getMessage().contains("FixedProb") && unknown.getMessage().contains("All2All"), unknown.getMessage());
            // a name with a filter's special characters is a name, not a filter
            assertThrows(UnknownNameException.class, () -> catalog.connector("*"));
            assertThrows(UnknownNameException.class, () -> catalog.connector("Fixed(Prob"));
        }
    }

    @Test
    void filterValuesAreEscaped() {
        assertEquals("a\\*b\\(c\\)d\\\\e", RegistryCatalog.filterValue("a*b(c)d\\e"));
    }
}
