package org.brainj.connectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.brainj.api.UnknownNameException;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.ConnectorFactory;
import org.brainj.api.connect.Connectors;
import org.brainj.api.spi.InvalidParameterException;
import org.brainj.api.spi.ParamSpec;
import org.junit.jupiter.api.Test;

class CatalogTest {
    /** Issue 4's list of rules, under the reference's (BrainPy's and NEST's) names. */
    private static final Set<String> ISSUE_4 = new TreeSet<>(List.of("One2One", "All2All", "GridFour", "GridEight",
            "GridN", "FixedProb", "FixedPreNum", "FixedPostNum", "FixedTotalNum", "GaussianProb", "GaussianWeight", "DOG",
            "SmallWorld", "ScaleFreeBA", "ScaleFreeBADual", "PowerLaw", "fixed_indegree", "fixed_outdegree",
            "pairwise_bernoulli", "fixed_total_number", "IndexConn", "MatConn", "CSRConn"));

    @Test
    void everyRuleIsOnTheClasspathUnderItsName() {
        Set<String> names = new TreeSet<>();
        for (ConnectorFactory f : Connectors.available()) {
            names.add(f.name());
            Set<String> params = new TreeSet<>();
            for (ParamSpec p : f.parameters()) {
                assertTrue(params.add(p.name()), f.name() + " declares " + p.name() + " twice");
            }
        }
        assertEquals(ISSUE_4, names);
    }

    /** bnd writes one DS descriptor per factory; each must carry the factory's connector.name. */
    @Test
    void everyFactoryIsADeclarativeServicesComponentWithItsName() throws Exception {
        for (ConnectorFactory f : Connectors.available()) {
            Path xml = Path.of("target/classes/OSGI-INF", f.getClass().getName() + ".xml");
            assertTrue(Files.exists(xml), "no component descriptor for " + f.getClass().getName());
            String text = Files.readString(xml);
            assertTrue(text.contains("name=\"" + ConnectorFactory.NAME_PROPERTY + "\"")
                    && text.contains("value=\"" + f.name() + "\""), xml + " lacks connector.name=" + f.name());
            assertTrue(text.contains("interface=\"" + ConnectorFactory.class.getName() + "\""), text);
        }
    }

    @Test
    void factoryParametersBuildTheSameRuleAsJava() {
        Connectivity viaFactory = Connectors.get("FixedProb").create(Map.of("prob", 0.1, "seed", 7, "include_self", false))
                .connect(300, 200);
        Connectivity viaJava = new FixedProb(0.1).includeSelf(false).seed(7).connect(300, 200);
        assertArrayEquals(viaJava.csr().indptr(), viaFactory.csr().indptr());
        assertArrayEquals(viaJava.postIds(), viaFactory.postIds());
        Connectivity nest = Connectors.get("fixed_indegree").create(Map.of("indegree", 5, "allow_autapses", false,
                "allow_multapses", false, "seed", 1)).connect(50, 50);
        for (int j = 0; j < 50; j++) {
            assertEquals(5, nest.post2pre()[j].length);
        }
        Connectivity dog = Connectors.get("DOG").create(Map.of("sigmas", List.of(0.08, 0.15), "ws_max", List.of(1.0, 0.7)))
                .connect(new int[] {10, 10}, new int[] {10, 10});
        assertArrayEquals(new DOG(new double[] {0.08, 0.15}, new double[] {1.0, 0.7}).connect(new int[] {10, 10},
                new int[] {10, 10}).weights().orElseThrow(), dog.weights().orElseThrow());
        Connectivity enc = Connectors.get("GaussianProb").create(Map.of("sigma", 0.1, "encoding_values", List.of(0, 1),
                "seed", 3)).connect(30, 30);
        assertArrayEquals(new GaussianProb(0.1).encodingValues(0, 1).seed(3).connect(30, 30).postIds(), enc.postIds());
        Connectivity mat = Connectors.get("MatConn").create(Map.of("conn_mat", List.of(List.of(true, false), List.of(false, true))))
                .connect(2, 2);
        assertArrayEquals(new int[][] {{0}, {1}}, mat.pre2post());
    }

    @Test
    void unknownParameterListsTheKnownOnes() {
        var e = assertThrows(UnknownNameException.class, () -> Connectors.get("FixedProb").create(Map.of("p", 0.1)));
        assertTrue(e.getMessage().contains("include_self, prob, seed"), e.getMessage());
        var missing = assertThrows(InvalidParameterException.class, () -> Connectors.get("GridN").create(Map.of("N", 0)));
        assertEquals("N", missing.parameter());
        var bad = assertThrows(InvalidParameterException.class,
                () -> Connectors.get("pairwise_bernoulli").create(Map.of("p", 2.0)));
        assertTrue(bad.getMessage().contains("[0, 1]"), bad.getMessage());
        var unknown = assertThrows(UnknownNameException.class, () -> Connectors.get("FixedProbability"));
        assertTrue(unknown.getMessage().contains("FixedProb,"), unknown.getMessage());
    }
}
