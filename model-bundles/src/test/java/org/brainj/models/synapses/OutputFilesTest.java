package org.brainj.models.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.measure.Unit;
import org.brainj.api.BrainJException;
import org.brainj.api.connect.Csr;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.NeuronText;
import org.brainj.api.model.OutputModelFactory;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.sim.Synapses;
import org.brainj.api.tensor.Backends;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.models.files.ModelFileException;
import org.brainj.models.files.ModelFiles;
import org.junit.jupiter.api.Test;

/**
 * The library's outputs ({@code CUBA}, {@code COBA}, {@code MgBlock}) composed with its kinetic
 * synapses by name: the current one spike drives into neurons clamped at given potentials
 * against the closed forms {@code w (E - v)} and Jahr & Stevens' block, the composed synapse
 * still merged per post-synaptic neuron; and the faults of a wrong composition or file.
 * Numbers are in the coherent system: ms, mV, nA, uS.
 */
class OutputFilesTest {
    private static final double[] V = {-90, -70, -50, -30, -10, 10, 30};

    static OutputModelFactory output(String name) {
        return OutputModelFactory.onClasspath(OutputFilesTest.class.getClassLoader()).stream()
                .filter(o -> o.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not found"));
    }

    private static Map<String, Unit<?>> units(CompiledNeuron n) {
        Map<String, Unit<?>> vars = new LinkedHashMap<>();
        n.model().derivatives().keySet().forEach(x -> vars.put(x, n.unit(x)));
        n.parameters().keySet().forEach(p -> vars.put(p, n.unit(p)));
        return vars;
    }

    private static CompiledNeuron clamped() {
        return NeuronText.of("dV/dt = 0*mV/ms : volt\nI : amp\ng : 1\ninput : 1").perNeuron("I").perNeuron("g")
                .input("input")
                .threshold("input > 0.5").compile("clamp");
    }

    /** The peak current of one spike of weight {@code w} through Exponential with {@code output}, per clamped neuron. */
    private static double[] peak(String output, Map<String, ?> params, double w) {
        CompiledNeuron clamp = clamped();
        var kinetics = SynapseCatalogTest.synapse("Exponential").compile("S", Map.of(),
                new SynapseModelFactory.Groups(units(clamp), units(clamp), "I", "V", "V"));
        var driven = output(output).drive(kinetics, params, "I", "V", "w");
        assertEquals(output(output).conductance(), driven.synapse().units().get("w"));
        NeuronGroup a = clamp.group("A", 1).set("I", Initializer.constant(0));
        NeuronGroup b = clamp.group("B", V.length).set("I", Initializer.constant(0)).init("V", Initializer.values(V));
        int[] all = new int[V.length];
        for (int j = 0; j < all.length; j++) {
            all[j] = j;
        }
        Synapses s = new Synapses("S", driven.synapse().model(), a, b, new Csr(new int[] {0, V.length}, all, null));
        s.init("w", w);
        Network net = new Network(Backends.get("cpu")).dt(0.1).add(a, b, s,
                Input.events(a, "input", new int[] {0}, new double[] {1}));
        StateMonitor current = net.monitor(b, "I");
        net.run(3);
        assertTrue(s.isMerged(), output + " keeps Exponential merged: its factor reads only v_post and parameters");
        for (double[] row : current.values()) {
            if (row[0] != 0) {
                return row; // the first sample the spike reaches: the gate is 1
            }
        }
        throw new AssertionError("no spike arrived");
    }

    @Test
    void cubaCobaAndMgBlockDriveTheClosedFormCurrents() {
        double w = 0.002; // 2 nS, or 2 pA for CUBA
        double[] cuba = peak("CUBA", Map.of(), w);
        double[] coba = peak("COBA", Map.of("E", -80.0), w);
        double[] mg = peak("MgBlock", Map.of(), w);
        double[] mg2 = peak("MgBlock", Map.of("cc_Mg", 2.0), w);
        for (int j = 0; j < V.length; j++) {
            assertEquals(w, cuba[j], 1e-15);
            assertEquals(w * (-80 - V[j]), coba[j], 1e-15, "COBA at " + V[j] + " mV");
            double open = w * (0 - V[j]);
            assertEquals(open / (1 + 1.2 / 3.57 * Math.exp(-0.062 * V[j])), mg[j], 1e-15, "MgBlock at " + V[j] + " mV");
            assertEquals(open / (1 + 2.0 / 3.57 * Math.exp(-0.062 * V[j])), mg2[j], 1e-15, "MgBlock, 2 mM, at " + V[j]);
        }
    }

    @Test
    void anOutputOfASynapseThatAddsAtSpikesOrAnUnknownParameterIsRefused() {
        CompiledNeuron clamp = clamped();
        var stdp = SynapseCatalogTest.synapse("STDP").compile("S", Map.of(),
                new SynapseModelFactory.Groups(units(clamp), units(clamp), "g", "V", "V"));
        BrainJException e = assertThrows(BrainJException.class, () -> output("COBA").drive(stdp, Map.of(), "I", "V", "w"));
        assertTrue(e.getMessage().contains("sets no such current on I"), e.getMessage());
        var exp = SynapseCatalogTest.synapse("Exponential").compile("S", Map.of(),
                new SynapseModelFactory.Groups(units(clamp), units(clamp), "I", "V", "V"));
        e = assertThrows(BrainJException.class, () -> output("COBA").drive(exp, Map.of("E_rev", 0.0), "I", "V", "w"));
        assertTrue(e.getMessage().contains("E_rev"), e.getMessage());
    }

    @Test
    void anOutputFileWhoseCurrentIsNoCurrentIsNamedByFileAndLine() {
        String text = """
                name: Bad
                conductance: g : siemens
                membrane: v
                equations:
                    I = g * (E - v) * v : amp
                parameters:
                    E: 0 mV
                """;
        List<ModelFileException> faults = new ArrayList<>();
        assertTrue(ModelFiles.outputs(Map.of("Bad.output", text), ModelFiles.Compile.AT_LOAD, faults::add).isEmpty());
        assertEquals(1, faults.size());
        assertTrue(faults.get(0).getMessage().startsWith("Bad.output:5"), faults.get(0).getMessage());
        assertEquals(PhysicalUnits.parse("siemens"), output("COBA").conductance());
    }
}
