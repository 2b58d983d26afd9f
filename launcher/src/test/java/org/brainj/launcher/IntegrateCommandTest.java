package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brainj integrate} against closed-form solutions. */
class IntegrateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int brainj(String... args) {
        return BrainJCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    private static double[] lastRow(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        String[] cells = lines.get(lines.size() - 1).split(",");
        double[] row = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = Double.parseDouble(cells[i]);
        }
        return row;
    }

    @Test
    void relaxationWithUnitsMatchesTheExponential() throws Exception {
        Path csv = dir.resolve("v.csv");
        assertEquals(0, brainj("integrate", "dV/dt = (El - V) / tau : volt", "--param", "El=-60 mV", "--param", "tau=0.01 s",
                "--init", "V=-0.07 V", "--dt", "0.01 ms", "--duration", "50 ms", "--out", csv.toString()), err.toString());
        assertEquals("t_ms,V", Files.readAllLines(csv).get(0));
        assertEquals(5002, Files.readAllLines(csv).size()); // header, t = 0, then 5000 steps
        double[] last = lastRow(csv);
        assertEquals(50, last[0], 1e-9);
        // V(t) = El + (V0 - El) e^(-t/tau) in mV: -60 - 10 e^(-5); rk4 at dt/tau = 1e-3 errs far below 1e-9
        assertEquals(-60 - 10 * Math.exp(-5), last[1], 1e-9);
        byte[] png = Files.readAllBytes(dir.resolve("v.png"));
        assertEquals("PNG", new String(png, 1, 3));
        assertTrue(Files.readString(dir.resolve("v.svg")).contains("<svg"), "the plot as SVG beside the PNG");
        assertTrue(out.toString().startsWith("integrated [V] with rk4 over 5000 steps"), out.toString());
    }

    @Test
    void unitlessOscillatorInBrainPysStyleFollowsTheCosine() throws Exception {
        Path csv = dir.resolve("osc.csv");
        assertEquals(0, brainj("integrate", "dx/dt = v / tau : 1; dv/dt = -x / tau : 1", "--method", "rk4",
                "--param", "tau=2", "--init", "x=1", "--dt", "0.01 ms", "--duration", "10 ms", "--out", csv.toString()),
                err.toString());
        double[] last = lastRow(csv);
        // x = cos(t / tau), v = -sin(t / tau)
        assertEquals(Math.cos(5), last[1], 1e-9);
        assertEquals(-Math.sin(5), last[2], 1e-9);
    }

    @Test
    void unitConstantsInTheTextAreComputedWithTheParameters() throws Exception {
        Path csv = dir.resolve("c.csv");
        assertEquals(0, brainj("integrate", "dV/dt = (10*mV - V)/tau : volt", "--param", "tau=10 ms", "--init", "V=0 mV",
                "--dt", "0.01 ms", "--duration", "20 ms", "--out", csv.toString()), err.toString());
        // V(t) = 10 mV (1 - e^(-t/tau)), in mV
        assertEquals(10 * (1 - Math.exp(-2)), lastRow(csv)[1], 1e-9);
    }

    @Test
    void brainPyTextWithoutUnitsIntegrates() throws Exception {
        Path csv = dir.resolve("b.csv");
        assertEquals(0, brainj("integrate", "dV/dt = (-V + R*I) / tau  # BrainPy's LIF, no threshold", "--param", "R=2",
                "--param", "I=3", "--param", "tau=5", "--dt", "0.01 ms", "--duration", "10 ms", "--out", csv.toString()),
                err.toString());
        assertEquals(6 * (1 - Math.exp(-2)), lastRow(csv)[1], 1e-9);
    }

    @Test
    void aUnitErrorPointsAtItsLineAndColumn() {
        assertEquals(1, brainj("integrate", "dx/dt = -x/tau : 1; dV/dt = (10*mV - V*ms)/tau : volt", "--param", "tau=10 ms",
                "--dt", "0.1 ms", "--duration", "1 ms", "--out", dir.resolve("x.csv").toString()));
        // the '-' of the second statement, counted in the text as given
        assertTrue(err.toString().startsWith("brainj integrate: the equations: line 1, column 36: unit mismatch"),
                err.toString());
        assertTrue(err.toString().contains(" vs V·s"), err.toString());
    }

    @Test
    void aMissingParameterIsNamed() {
        assertEquals(1, brainj("integrate", "dV/dt = (El - V) / tau : volt", "--param", "tau=10 ms", "--dt", "0.1 ms",
                "--duration", "1 ms", "--out", dir.resolve("x.csv").toString()));
        assertTrue(err.toString().startsWith("brainj integrate: the equations: "), err.toString());
        assertTrue(err.toString().contains("El"), err.toString());
        assertTrue(err.toString().contains("--param NAME=VALUE"), err.toString());
        assertEquals(1, err.toString().lines().count());
    }

    @Test
    void anUnknownMethodListsTheKnownOnes() {
        assertEquals(1, brainj("integrate", "dx/dt = -x / tau : 1", "--param", "tau=1", "--method", "rk9", "--dt", "0.1 ms",
                "--duration", "1 ms", "--out", dir.resolve("x.csv").toString()));
        assertTrue(err.toString().startsWith("brainj integrate: unknown "), err.toString());
        assertTrue(err.toString().contains("rk4"), err.toString());
    }

    @Test
    void anInitialValueForNoStateVariableListsThem() {
        assertEquals(1, brainj("integrate", "dx/dt = -x / tau : 1", "--param", "tau=1", "--init", "y=1", "--dt", "0.1 ms",
                "--duration", "1 ms", "--out", dir.resolve("x.csv").toString()));
        assertEquals("brainj integrate: unknown state variable (--init) 'y'; known: x" + System.lineSeparator(), err.toString());
    }

    @Test
    void aStepThatIsNotATimeSaysWhatToGive() {
        assertEquals(1, brainj("integrate", "dx/dt = -x / tau : 1", "--param", "tau=1", "--dt", "0.1 mV",
                "--duration", "1 ms", "--out", dir.resolve("x.csv").toString()));
        assertEquals("brainj integrate: --dt '0.1 mV' is not a time (its unit is mV); give e.g. '0.01 ms'"
                + System.lineSeparator(), err.toString());
    }

    @Test
    void aStepLongerThanTheDurationAnUnknownParameterAndTooManyStepsAreRefused() {
        String csv = dir.resolve("x.csv").toString();
        assertEquals(1, brainj("integrate", "dx/dt = -x / tau : 1", "--param", "tau=1", "--dt", "100 ms", "--duration", "50 ms",
                "--out", csv));
        assertEquals("brainj integrate: --dt '100 ms' is longer than --duration '50 ms'; give a smaller --dt or a longer"
                + " --duration" + System.lineSeparator(), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(1, brainj("integrate", "dx/dt = -x / tau : 1", "--param", "tau=1", "--param", "tua=2", "--dt", "0.1 ms",
                "--duration", "1 ms", "--out", csv));
        assertEquals("brainj integrate: --param tua: parameter 'tua' is not read by the equations, threshold or reset; remove"
                + " it or fix its name" + System.lineSeparator(), err.toString());
        err.getBuffer().setLength(0);
        // 1e30 s at 0.1 ms is 1e34 steps, past the 1e12 any run can finish
        assertEquals(1, brainj("integrate", "dx/dt = -x / tau : 1", "--param", "tau=1", "--dt", "0.1 ms", "--duration", "1e30 s",
                "--out", csv));
        assertTrue(err.toString().contains("1.00e+34 steps") && err.toString().contains("check the units"), err.toString());
        assertEquals(1, err.toString().lines().count());
    }
}
