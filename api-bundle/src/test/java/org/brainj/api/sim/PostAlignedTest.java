package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import javax.measure.Unit;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.model.SynapseText;
import org.brainj.api.units.PhysicalUnits;
import org.junit.jupiter.api.Test;

/**
 * The proof that a synapse model acts as state per post-synaptic neuron, step by step: what it
 * extracts from a mergeable model (jumps, weight, the summed value's factors), and the first
 * failing condition it names for each way a model can depend on its own synapse.
 */
class PostAlignedTest {
    private static final Map<String, Unit<?>> GROUP = Map.of("I", PhysicalUnits.ONE, "v", PhysicalUnits.ONE);

    private static SynapseModel model(String equations, String onPre) {
        return SynapseText.of(equations).onPre(onPre).parameter("tau", 5.0).parameter("E", 2.0).parameter("c", 3.0)
                .compile("S", GROUP, GROUP).model();
    }

    private static final String KINETIC = """
            w : 1
            ds/dt = -s / tau + h : 1 (clock-driven)
            dh/dt = -h / tau : 1 (clock-driven)
            I_post = w * s * (E - v_post) : 1 (summed)""";

    @Test
    void aLinearKineticSynapseMergesWithItsJumpWeightAndFactor() {
        PostAligned p = PostAligned.of(model(KINETIC, "h += c")).orElseThrow();
        assertEquals(java.util.List.of("s", "h"), p.state());
        assertEquals("w", p.weight());
        assertEquals(3.0, Interpreter.eval(p.jumps().get("h"), Map.of("c", 3.0)), 0);
        // sum_k w_k s_k (E - v): at S = 0.5, v = -1 the summed value is 0.5 * 3
        double at = Interpreter.eval(p.summed().get("I"), Map.of("s", 0.5, "h", 7.0, "v_post", -1.0, "E", 2.0));
        assertEquals(1.5, at, 1e-15);
    }

    @Test
    void eachWayOfDependingOnTheSynapseIsNamed() {
        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("has a term without state", new String[] {KINETIC.replace("-h / tau", "-h / tau + 1"), "h += c"});
        cases.put("dh/dt is not linear in h", new String[] {KINETIC.replace("-h / tau", "-h * h / tau"), "h += c"});
        cases.put("reads [v_post]", new String[] {KINETIC.replace("-h / tau", "-h / tau * v_post"), "h += c"});
        cases.put("on_pre writes w", new String[] {KINETIC, "h += c\nw += 1"});
        cases.put("on_pre sets h from [s]", new String[] {KINETIC, "h += s"});
        cases.put("more than h plus a constant", new String[] {KINETIC, "h = 2 * h + c"});
        cases.put("I_post reads rand()", new String[] {KINETIC.replace("(E - v_post)", "rand()"), "h += c"});
        cases.put("I_post reads v_pre", new String[] {KINETIC.replace("v_post", "v_pre"), "h += c"});
        cases.put("I_post is not linear in s", new String[] {KINETIC.replace("w * s", "w * s * s"), "h += c"});
        cases.put("not proportional to w", new String[] {KINETIC.replace("w * s", "w * w * s"), "h += c"});
        cases.put("several per-synapse variables", new String[] {"u : 1\n" + KINETIC.replace("w * s", "w * u * s"),
                "h += c"});
        cases.forEach((why, text) -> {
            String refusal = PostAligned.refusal(model(text[0], text[1]));
            assertTrue(refusal != null && refusal.contains(why), why + ": " + refusal);
        });
        assertNull(PostAligned.refusal(model(KINETIC, "h += c")));
        PostAligned twice = PostAligned.of(model(KINETIC, "h += c\nh += c")).orElseThrow();
        assertEquals(6.0, Interpreter.eval(twice.jumps().get("h"), Map.of("c", 3.0)), 0, "two statements add their jumps");
    }
}
