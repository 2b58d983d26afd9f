package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Source;
import org.brainj.api.tensor.DType;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.launcher.spec.NetworkSpec.Connector;
import org.brainj.launcher.spec.NetworkSpec.Located;
import org.brainj.launcher.spec.NetworkSpec.ModelText;
import org.brainj.launcher.spec.NetworkSpec.Monitors;
import org.brainj.launcher.spec.NetworkSpec.Neurons;
import org.brainj.launcher.spec.NetworkSpec.Poisson;
import org.brainj.launcher.spec.NetworkSpec.ProjectionSpec;
import org.junit.jupiter.api.Test;

/** The assembler alone: records made in Java, no file and no YAML, into a network that runs. */
class SpecAssemblerTest {
    private static final Where AT = new Where("(java)", 1, "populations.N");
    private static final RunSettings SETTINGS = new RunSettings(100, 0.1, 7, "cpu", DType.FLOAT64);

    private static SpecValue.Scalar value(String text, int line) {
        return new SpecValue.Scalar(text, new Source(text, line, 1), new Where("(java)", line, "value"));
    }

    /** N neurons whose membrane only integrates a Poisson input (its leak is 1e9 ms). */
    private static Neurons drifting(int n, String rate, String weight) {
        ModelText text = new ModelText(AT, new Located<>(new Source("dV/dt = -V / tau : volt", 1, 1), AT), null, null, null,
                null, null, List.of(), null, Map.of("tau", value("1e9 ms", 2)), Map.of("equations", AT));
        Poisson in = new Poisson(new Located<>(PhysicalUnits.quantity(rate), new Where("(java)", 3, "rate")),
                new Located<>(PhysicalUnits.quantity(weight), new Where("(java)", 4, "weight")));
        return new Neurons("N", AT, new int[] {n}, null, text, List.of(), null, text.parameters(), AT, Map.of(), List.of(in),
                AT, Map.of());
    }

    private static NetworkSpec network(Neurons neurons, List<ProjectionSpec> projections) {
        return new NetworkSpec("java", AT, SETTINGS, AT, Path.of("."), List.of(neurons), List.of(), projections, List.of(),
                new Monitors(List.of(), List.of()), List.of());
    }

    @Test
    void aPoissonInputFromRecordsDrivesTheMembraneAtItsRate() {
        SpecRun run = SpecAssembler.assemble(network(drifting(2000, "100 Hz", "0.5 mV"), List.of()), Catalog.classpath());
        run.network().run(SETTINGS.duration());
        double[] v = run.group("N").variable("V").toDoubleArray();
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double var = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
        // compound Poisson: w * Poisson(rate T), rate T = 0.1/ms * 100 ms = 10 events: mean 10 w = 5 mV,
        // variance 10 w^2 = 2.5 mV^2; the mean of 2000 has a spread of 0.035 mV, the variance of about 3 %
        assertEquals(5.0, mean, 0.2);
        assertEquals(2.5, var, 0.25);
    }

    @Test
    void faultsFoundByTheApiAreReportedAtTheRecordsPlaces() {
        SpecException e = assertThrows(SpecException.class, () -> SpecAssembler.assemble(
                network(drifting(2, "5 mV", "0.5 mV"), List.of()), Catalog.classpath()));
        assertTrue(e.getMessage().startsWith("(java):3: rate: '5 mV' is not a rate: its unit is mV"), e.getMessage());
        ProjectionSpec c = new ProjectionSpec("C", AT, 0, new Located<>("N", AT), new Located<>("N", AT),
                new Connector(new Located<>("All2All", AT), Map.of(), AT), null, value("0.5 ms", 9), null, null,
                null, Map.of(), Map.of());
        e = assertThrows(SpecException.class, () -> SpecAssembler.assemble(network(drifting(2, "5 Hz", "0.5 mV"),
                List.of(c)), Catalog.classpath()));
        assertEquals(9, e.where().line());
        assertTrue(e.getMessage().contains("'0.5 ms' is not a weight onto N"), e.getMessage());
    }
}
