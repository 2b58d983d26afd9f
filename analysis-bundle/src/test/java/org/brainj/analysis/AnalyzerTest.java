package org.brainj.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainj.api.analysis.AnalysisJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain-class entry point writes analysis.json with the reference's fixed point, and the pictures. */
class AnalyzerTest {
    @Test
    void fitzHughNagumoPhasePlaneJob(@TempDir Path out) throws IOException {
        Map<String, double[]> vars = new LinkedHashMap<>();
        vars.put("V", new double[] {-3, 3});
        vars.put("w", new double[] {-3, 3});
        AnalysisJob job = new AnalysisJob(AnalysisJob.Kind.PHASE_PLANE, """
                dV/dt = V - V*V*V/3 - w + Iext : 1
                dw/dt = (V + a - b*w) / tau : 1
                """, vars, Map.of(), Map.of("a", 0.7, "b", 0.8, "tau", 12.5, "Iext", 0.8), 0.01,
                List.of(Map.of("V", -2.8, "w", -1.8)), 100, 0.01);
        List<Path> files = new Analyzer().analyze(job, out);
        assertEquals(List.of(out.resolve("analysis.json"), out.resolve("phase_plane.png"), out.resolve("phase_plane.svg")), files);
        String json = Files.readString(files.get(0));
        // the reference prints: Fixed point #1 at V=-0.27290095899729705, w=0.5338738012533786 is a unstable node.
        assertTrue(json.contains("{\"values\": {\"V\": -0.27290095899729"), json.substring(0, 400));
        assertTrue(json.contains("\"stability\": \"unstable node\""));
        assertTrue(json.contains("\"limit_cycles\": [\n    {\"period\": "));
        assertTrue(Files.size(files.get(1)) > 10_000 && Files.size(files.get(2)) > 10_000);
    }
}
