package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.connect.Csr;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.NeuronText;
import org.brainj.api.model.SynapseText;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.SimulationException;
import org.brainj.api.sim.Synapses;
import org.brainj.api.tensor.Backend;
import org.brainj.backend.cpu.CpuBackend;
import org.junit.jupiter.api.Test;

/**
 * The aparapi backend does not compile synaptic programs yet: a network with equation synapses
 * is refused on it with a message naming the synapses, and a switch to it is refused before
 * anything moves, so the network goes on where it was.
 */
class SynapsesRefusedTest {
    private static final Backend CPU = new CpuBackend();
    private static final Backend APARAPI = new AparapiBackend();

    private static Network network(Backend backend) {
        CompiledNeuron n = NeuronText.of("dv/dt = 1/(2*ms) : 1").threshold("v > 1").reset("v = 0").compile("N");
        NeuronGroup g = n.group("G", 2);
        Synapses s = new Synapses("S", SynapseText.of("w : 1").onPre("w += 1").compile("S", n, n).model(), g, g,
                new Csr(new int[] {0, 1, 2}, new int[] {1, 0}, null));
        return new Network(backend).add(g, s);
    }

    @Test
    void aNetworkWithEquationSynapsesIsRefusedNamingThem() {
        SimulationException e = assertThrows(SimulationException.class, () -> network(APARAPI).build());
        assertTrue(e.getMessage().startsWith("synapses S (on_pre): backend 'aparapi' does not compile synaptic programs"),
                e.getMessage());
        assertTrue(e.getMessage().contains("'cpu'"), e.getMessage());
    }

    @Test
    void aSwitchToABackendWithoutSynapticProgramsIsRefusedBeforeAnythingMoves() {
        Network net = network(CPU);
        net.run(5);
        SimulationException e = assertThrows(SimulationException.class, () -> net.moveTo(APARAPI));
        assertTrue(e.getMessage().startsWith("synapses S: backend 'aparapi'"), e.getMessage());
        assertSame(CPU, net.backend());
        net.run(5);
        assertEquals(10, net.time(), 1e-9);
    }
}
