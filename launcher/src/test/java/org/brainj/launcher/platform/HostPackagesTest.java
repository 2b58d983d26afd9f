package org.brainj.launcher.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostPackagesTest {
    @Test
    void splitsClausesAtCommasOutsideQuotes() {
        // a header as bnd writes it: commas inside a quoted uses:= list do not separate clauses
        String header = "org.a;version=\"1.0\",org.b;version=\"1.0\";uses:=\"org.a,org.c\",org.c;org.d;version=\"2\"";
        assertEquals(List.of("org.a;version=\"1.0\"", "org.b;version=\"1.0\";uses:=\"org.a,org.c\"",
                "org.c;org.d;version=\"2\""), HostPackages.clauses(header));
    }

    @Test
    void leavesOutMultiReleaseFoldersThatSomeJarsExport() {
        // from indriya 2.2.3's manifest, shortened: META-INF.versions.* are folders, not packages
        String header = "tech.units.indriya;uses:=\"javax.measure\";version=\"2.2.3\",META-INF.versions.11;"
                + "version=\"2.2.3\",META-INF.versions.17.tech.units.indriya;version=\"2.2.3\"";
        assertEquals(List.of("tech.units.indriya;uses:=\"javax.measure\";version=\"2.2.3\""),
                HostPackages.packageClauses(header));
    }

    @Test
    void sharesTheApiAndUnitPackagesWithTheirVersions() {
        String extra = HostPackages.systemPackagesExtra();
        // versions: the API's package-info @Version and unit-api 2.2's own manifest
        assertTrue(extra.contains("org.brainj.api.tensor;version=\"0.1.0\""), extra);
        assertTrue(extra.contains("javax.measure;version=\"2.2.0\""), extra);
        assertTrue(extra.contains("tech.units.indriya.unit;"), extra);
        assertTrue(!extra.contains("META-INF"), extra);
    }
}
