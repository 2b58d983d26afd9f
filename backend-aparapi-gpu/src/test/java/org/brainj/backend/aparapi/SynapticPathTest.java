package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.program.Assign;
import org.brainj.api.program.SynapticBindings;
import org.brainj.api.program.SynapticProgram;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Which synaptic programs run in parallel on the device and how (CompiledSynaptic.Path): from
 * what each writes, Brian2's STDP pathways and a (summed) variable among them. That each path
 * ends as the serial run is the conformance kit's SynapticContract.
 */
@RequiresOpenCL
class SynapticPathTest {
    private static final AparapiBackend BACKEND = new AparapiBackend();

    private static CompiledSynaptic.Path path(String text) {
        List<Assign> body = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split(" = ", 2);
            body.add(new Assign(parts[0], ExpressionParser.parse(parts[1])));
        }
        Tensor v = BACKEND.zeros(DType.FLOAT64, 4);
        Map<String, Tensor> bound = Map.of("w", BACKEND.zeros(DType.FLOAT64, 6), "Apre", BACKEND.zeros(DType.FLOAT64, 6),
                "Apost", BACKEND.zeros(DType.FLOAT64, 6), "g_post", BACKEND.zeros(DType.FLOAT64, 4), "v_pre", v,
                "v_post", v, "s_pre", BACKEND.zeros(DType.FLOAT64, 4));
        SynapticProgram program = new SynapticProgram(body, Set.of("w", "Apre", "Apost"), Set.of("v_pre", "s_pre"),
                Set.of("g_post", "v_post"), Set.of());
        Tensor pre = BACKEND.asTensor(new int[] {0, 0, 1, 2, 3, 3});
        Tensor post = BACKEND.asTensor(new int[] {1, 2, 2, 0, 3, 1});
        return ((CompiledSynaptic) BACKEND.compileSynaptic(program, new SynapticBindings(bound, pre, post))).path();
    }

    @Test
    void eachProgramTakesThePathOfWhatItWrites() {
        // STDP on_post and clock-driven decays: per-synapse state only
        assertEquals(CompiledSynaptic.Path.PER_SYNAPSE, path("Apost = Apost - 0.0105\nw = clip(w + Apre, 0, 0.01)"));
        assertEquals(CompiledSynaptic.Path.PER_SYNAPSE, path("w = w * 0.99 + 0.001 * v_pre"));
        // STDP on_pre, and a (summed) variable's accumulation: post-synaptic writes
        assertEquals(CompiledSynaptic.Path.BY_POST, path("g_post = g_post + w\nApre = Apre + 0.01\nw = clip(w + Apost, 0, 0.01)"));
        assertEquals(CompiledSynaptic.Path.BY_PRE, path("s_pre = s_pre + w"));
        assertEquals(CompiledSynaptic.Path.SERIAL, path("g_post = g_post + w\ns_pre = s_pre + w"));
        // gap junction onto the group itself: v written as v_post is read as v_pre by other synapses
        assertEquals(CompiledSynaptic.Path.SERIAL, path("v_post = v_post + 0.01 * (v_pre - v_post)"));
    }
}
