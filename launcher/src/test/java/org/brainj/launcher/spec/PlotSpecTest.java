package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plots: section read against the run's monitors: names, windows and the monitor columns of the neurons named. */
class PlotSpecTest {
    @TempDir
    Path dir;

    @Test
    void plotsAreNamedByTypeAndTheirNeuronsAreTheMonitorsColumns() throws Exception {
        Path file = Files.writeString(dir.resolve("net.yaml"), """
                run: {duration: 50 ms}
                populations:
                  P:
                    size: 10
                    equations: "dV/dt = -V / (10*ms) : volt"
                monitors:
                  spikes: [P]
                  state:
                    - {population: P, variable: V, indices: [5, 2, 9]}
                plots:
                  - {type: raster, populations: [P]}
                  - {type: raster, populations: [P], from: 0.01 s, to: 20 ms}
                  - {type: lines, monitor: P.V, neurons: [9, 5], name: two}
                  - {type: lines, monitor: P.V}
                  - {type: rate, populations: [P], bin: 0.005 s}
                """);
        List<PlotSpec.Plot> plots = SpecLoader.load(file, "net.yaml", RunSettings.Overrides.NONE, Catalog.classpath()).plots();
        assertEquals(List.of("raster", "raster_2", "two", "lines_2", "rate"), plots.stream().map(PlotSpec.Plot::name).toList());
        assertEquals(new PlotSpec.Raster("raster_2", List.of("P"), 10.0, 20.0), plots.get(1));
        assertArrayEquals(new int[] {2, 0}, ((PlotSpec.Lines) plots.get(2)).columns(), "neurons 9 and 5: the monitor's columns 2 and 0");
        assertArrayEquals(new int[] {0, 1, 2}, ((PlotSpec.Lines) plots.get(3)).columns(), "no neurons: all recorded");
        assertEquals(5.0, ((PlotSpec.Rate) plots.get(4)).bin(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, plots.get(4).to());
    }
}
