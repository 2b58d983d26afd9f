package org.brainj.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brainj.launcher.output.RunReport;
import org.brainj.launcher.run.BackendSource;
import org.brainj.launcher.run.LocalSweep;
import org.brainj.launcher.run.SweepPoints;
import org.brainj.launcher.run.SweepTable;
import org.brainj.launcher.spec.Catalog;
import org.brainj.launcher.spec.SpecLoader;
import org.brainj.launcher.spec.SpecRun;
import org.brainj.launcher.spec.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference's g_max sweep under Spark's local mode gives the local sweep's table, point for point. */
class SparkSweepTest {
    static final Path HH_GAMMA = Path.of("..", "examples", "hh_gamma.yaml");

    @TempDir
    Path dir;

    @Test
    void sparkLocalModeGivesTheLocalSweepsTable() throws Exception {
        Path local = dir.resolve("local");
        SpecRun base = SpecLoader.load(HH_GAMMA, "hh_gamma.yaml", SparkSweep.overrides(100.0), Catalog.classpath());
        SweepSpec sweep = SweepSpec.read(HH_GAMMA, "hh_gamma.yaml", base, Catalog.classpath(), SparkSweep.measures());
        SweepTable table = SweepTable.open(local, "hh_gamma.yaml", sweep);
        LocalSweep.run(sweep, new SweepPoints("hh_gamma.yaml", base, sweep, SparkSweep.measures(), local), table,
                BackendSource.classpath(), (f, t) -> { }, new PrintWriter(new StringWriter()));

        Path spark = dir.resolve("spark");
        StringWriter err = new StringWriter();
        int code = SparkSweep.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), HH_GAMMA.toString(),
                "--master", "local[2]", "--out", spark.toString(), "--duration", "100");
        assertEquals(0, code, err.toString());
        String json = Files.readString(spark.resolve("sweep.json"));
        assertTrue(json.contains("\"compilations\": 2"), "one network per task, two tasks: " + json);
        List<SweepTable.Row> expected = table.rows();
        List<SweepTable.Row> got = SweepTable.open(spark, "hh_gamma.yaml", sweep).rows();
        assertEquals(11, got.size());
        for (int k = 0; k < expected.size(); k++) {
            SweepTable.Row e = expected.get(k);
            SweepTable.Row g = got.get(k);
            assertEquals(RunReport.COMPLETED, g.status());
            assertEquals(e.seed(), g.seed());
            assertEquals(e.values(), g.values());
            assertEquals(e.rates(), g.rates(), "point " + k);
            assertEquals(e.measures(), g.measures(), "point " + k);
            assertEquals(Files.readString(local.resolve(e.folder()).resolve("spikes_HH.csv")),
                    Files.readString(spark.resolve(g.folder()).resolve("spikes_HH.csv")), "point " + k + "'s spikes");
        }
    }
}
