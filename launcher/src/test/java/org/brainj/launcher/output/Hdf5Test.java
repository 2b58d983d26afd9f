package org.brainj.launcher.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.brainj.api.BrainJException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HDF5 file read back by an independent reader, h5py (Debian's python3-h5py, which
 * {@code .ci/install-test-tools} installs): what h5py sees is what was written.
 */
class Hdf5Test {
    private static final String H5PY = """
            import h5py, json, sys
            f = h5py.File(sys.argv[1], 'r')
            text = lambda a: a.decode() if isinstance(a, bytes) else str(a)
            out = {'format': text(f.attrs['format']), 'spec': text(f.attrs['spec']),
                   't': f['spikes/E/t'][:].tolist(), 'i': f['spikes/E/i'][:].tolist(),
                   'i_dtype': str(f['spikes/E/i'].dtype), 't_unit': text(f['spikes/E/t'].attrs['unit']),
                   'values': f['state/E.v/values'][:].tolist(), 'v_unit': text(f['state/E.v/values'].attrs['unit']),
                   'vt': f['state/E.v/t'][:].tolist(), 'index': f['state/E.v/index'][:].tolist()}
            print(json.dumps(out, sort_keys=True))
            """;

    private static String h5py(Path file) throws IOException, InterruptedException {
        // as RequiresOpenCL: skipped with one line where h5py is missing, failed there when CI requires it
        boolean present;
        try {
            Process probe = new ProcessBuilder("/usr/bin/python3", "-c", "import h5py").redirectErrorStream(true).start();
            present = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException noPython) {
            present = false;
        }
        if (!present && !"1".equals(System.getenv("BRAINJ_REQUIRE_H5PY"))) {
            System.out.println("no h5py: run `sudo .ci/install-test-tools` to read the HDF5 outputs back in the tests");
            Assumptions.abort("no h5py (python3-h5py)");
        }
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", H5PY, file.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "h5py did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), "h5py could not read the file (install python3-h5py: .ci/install-test-tools): " + out);
        return out;
    }

    @Test
    void h5pyReadsSpikesStateUnitsAndAttributes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.h5");
        String name = new Hdf5().attribute("spec", "name: demo")
                .spikes("E", new double[] {0.5, 1.25, 3.0}, new int[] {4, 0, 7})
                .state("E.v", "mV", new double[] {0, 0.1}, new double[][] {{-60, -55.5}, {-59, -54.25}}, new int[] {2, 9})
                .write(file);
        assertEquals("run.h5", name);
        assertFalse(Files.exists(dir.resolve("run.h5.part")));
        assertEquals("{\"format\": \"brainj-run-1\", \"i\": [4, 0, 7], \"i_dtype\": \"int32\", \"index\": [2, 9],"
                + " \"spec\": \"name: demo\", \"t\": [0.5, 1.25, 3.0], \"t_unit\": \"ms\","
                + " \"v_unit\": \"mV\", \"values\": [[-60.0, -55.5], [-59.0, -54.25]], \"vt\": [0.0, 0.1]}", h5py(file));
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamedWithTheFix(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("no/such/folder/run.h5");
        BrainJException e = assertThrows(BrainJException.class,
                () -> new Hdf5().spikes("E", new double[] {1}, new int[] {0}).write(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("--out"), e.getMessage());
    }
}
