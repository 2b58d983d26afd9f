package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.expr.ExpressionParser;
import org.junit.jupiter.api.Test;

/** (target, value, op) inputs: the five operations, and values constant, over time and of time. */
class InputTest {

    /** x holds its value (dx/dt = 0), so after three steps of x op= 2 from 8 the result is plain arithmetic. */
    static double[] afterThreeSteps(java.util.function.Function<NeuronGroup, Input> input) {
        Network net = new Network(TestBackend.get()).dt(0.1);
        NeuronGroup g = new NeuronGroup("G", 3, NeuronModel.builder("Hold")
                .derivative("x", ExpressionParser.parse("0")).initial("x", Initializer.constant(8)).build());
        net.add(g, input.apply(g));
        StateMonitor m = net.monitor(g, "x");
        net.run(0.3);
        return m.values()[2];
    }

    @Test
    void theFiveOperations() {
        assertArrayEquals(new double[] {14, 14, 14}, afterThreeSteps(g -> Input.constant(g, "x", 2, Input.Op.of("+"))));
        assertArrayEquals(new double[] {2, 2, 2}, afterThreeSteps(g -> Input.constant(g, "x", 2, Input.Op.of("-"))));
        assertArrayEquals(new double[] {64, 64, 64}, afterThreeSteps(g -> Input.constant(g, "x", 2, Input.Op.of("*"))));
        assertArrayEquals(new double[] {1, 1, 1}, afterThreeSteps(g -> Input.constant(g, "x", 2, Input.Op.of("/"))));
        assertArrayEquals(new double[] {2, 2, 2}, afterThreeSteps(g -> Input.constant(g, "x", 2, Input.Op.of("="))));
        SimulationException e = assertThrows(SimulationException.class, () -> Input.Op.of("%"));
        assertTrue(e.getMessage().contains("'%' is not one of + - * / ="), e.getMessage());
    }

    /** Arrays over time (one value per step, or per neuron) and functions of t_k = k dt. */
    @Test
    void valuesOverTimeAndOfTime() {
        assertArrayEquals(new double[] {8 + 1 + 2 + 3, 14, 14},
                afterThreeSteps(g -> Input.overTime(g, "x", new double[] {1, 2, 3}, Input.Op.ADD)));
        assertArrayEquals(new double[] {9, 10, 11}, afterThreeSteps(g -> Input.overTime(g, "x",
                new double[][] {{0, 1, 2}, {0, 0, 0}, {1, 1, 1}}, Input.Op.ADD)));
        // t = 0, 0.1, 0.2: x = 8 + 10 (0 + 0.1 + 0.2)
        double[] f = afterThreeSteps(g -> Input.ofTime(g, "x", t -> 10 * t, Input.Op.ADD));
        assertEquals(11, f[0], 1e-12);
    }

    /** A shared (0-d) parameter takes no per-step input and is no monitor subject; both say what to do instead. */
    @Test
    void sharedParametersAreRefusedAsInputTargetsAndMonitorSubjects() {
        Network net = new Network(TestBackend.get()).dt(0.1);
        NeuronGroup g = new NeuronGroup("G", 2, NeuronModel.builder("Leak").parameter("tau", 10)
                .derivative("x", ExpressionParser.parse("-x / tau")).build());
        net.add(g, Input.constant(g, "tau", 1, Input.Op.ADD));
        SimulationException e = assertThrows(SimulationException.class, net::build);
        assertTrue(e.getMessage().contains("'tau' is a parameter shared by the whole group; change it with group.set"),
                e.getMessage());
        Network net2 = new Network(TestBackend.get()).dt(0.1);
        NeuronGroup h = new NeuronGroup("H", 2, NeuronModel.builder("Leak").parameter("tau", 10)
                .derivative("x", ExpressionParser.parse("-x / tau")).build());
        net2.add(h);
        net2.monitor(h, "tau");
        SimulationException m = assertThrows(SimulationException.class, net2::build);
        assertTrue(m.getMessage().contains("monitor H.tau: 'tau' is a parameter shared by the whole group"), m.getMessage());
    }

    /** An array shorter than the run is refused before the run starts, naming both lengths. */
    @Test
    void aShortArrayIsRefused() {
        Network net = new Network(TestBackend.get()).dt(0.1);
        NeuronGroup g = new NeuronGroup("G", 1, NeuronModel.builder("Hold")
                .derivative("x", ExpressionParser.parse("0")).build());
        net.add(g, Input.overTime(g, "x", new double[] {1, 2}, Input.Op.ADD));
        SimulationException e = assertThrows(SimulationException.class, () -> net.run(0.5));
        assertTrue(e.getMessage().contains("has values for 2 steps"), e.getMessage());
        SimulationException rows = assertThrows(SimulationException.class,
                () -> Input.overTime(g, "x", new double[][] {{1, 2}}, Input.Op.ADD));
        assertTrue(rows.getMessage().contains("row 0 has 2 values for 1 neurons"), rows.getMessage());
    }
}
