package org.brainj.api.sim;

import static org.brainj.api.expr.ExpressionParser.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.model.PoissonRate;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.StepProgram;
import org.junit.jupiter.api.Test;

/**
 * Which sources draw geometric gaps (decided from the model), and the gap sampler against an
 * independent formula: {@code G} is geometric on {1, 2, ...} exactly when
 * {@code G - 1 = floor(log1p(-u) / log1p(-p))}, i.e. {@code (1 - p)^(G-1) >= 1 - u > (1 - p)^G}.
 */
class GeometricGapsTest {

    private static NeuronModel.Builder poisson() {
        return NeuronModel.builder("PoissonGroup").parameter("freqs", 10).uniform("u");
    }

    private static StepProgram program(NeuronModel model) {
        return GroupStep.assemble(model, List.of(), GroupIntegrator.EULER, 1, java.util.Set.of());
    }

    @Test
    void aRateConstantInTimeDrawsGapsOnDemand() {
        NeuronModel model = poisson().threshold(parse("u < freqs * dt / 1000")).build();
        StepProgram p = program(model);
        assertTrue(p.state().containsAll(List.of(GeometricGaps.NEXT_SPIKE, GeometricGaps.DRAWN_FOR)), "state " + p.state());
        assertEquals(2, p.noise().size());
        assertTrue(p.noise().stream().allMatch(d -> d.distribution() == RandomDraw.Distribution.UNIFORM_ON_DEMAND));
        // the gaps' stream is the group's own, apart from the trial's
        assertEquals(1 + GroupStep.STREAMS_PER_GROUP / 2, p.noise().get(0).stream());
        assertEquals(1 + GroupStep.STREAMS_PER_GROUP * 3 / 4, p.noise().get(1).stream());
        assertNotNull(GeometricGaps.of(PoissonRate.group("src", "20*Hz"), PoissonRate.group("src", "20*Hz").threshold()));
    }

    @Test
    void otherSourcesKeepTheDrawPerStep() {
        NeuronModel inTime = PoissonRate.group("src", "20*Hz + 10*Hz*sin(2*pi*5*Hz*t)");
        assertPerStep(inTime);
        NeuronModel refractory = poisson().parameter("t_ref", 2).threshold(parse("u < freqs * dt / 1000"))
                .refractory("t_ref").build();
        assertPerStep(refractory);
        NeuronModel readsState = poisson().derivative("V", parse("-V")).threshold(parse("u < V * dt")).build();
        assertPerStep(readsState);
        NeuronModel usesTheUniform = poisson().derivative("V", parse("u - V")).threshold(parse("u < freqs * dt")).build();
        assertPerStep(usesTheUniform);
        NeuronModel otherSide = poisson().threshold(parse("freqs * dt > u")).build();
        assertPerStep(otherSide);
    }

    private static void assertPerStep(NeuronModel model) {
        assertNull(GeometricGaps.of(model, model.threshold()), model.threshold().toString());
        StepProgram p = program(model);
        assertFalse(p.state().contains(GeometricGaps.NEXT_SPIKE));
        assertTrue(p.noise().stream().anyMatch(d -> d.distribution() == RandomDraw.Distribution.UNIFORM));
    }

    /** The gap {@code G} the program draws from uniform {@code u} at probability {@code p}. */
    private static double gap(double p, double u) {
        NeuronModel model = poisson().threshold(parse("u < freqs")).build();
        GeometricGaps gaps = GeometricGaps.of(model, model.threshold());
        Expr next = gaps.redraw("spiked", new GeometricGaps.Names("p", "stale")).get(0).value();
        Expr drawn = ((Expr.Where) next).then();
        return Interpreter.eval(drawn, Map.of("t", 0.0, "dt", 1.0, "p", p, "u__gap", u));
    }

    @Test
    void gapsAreTheGeometricInverseOfTheUniform() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] ps = {1e-300, 1e-17, 1e-12, 1e-7, 1.5e-3, 0.1, 0.5, 0.9, 1 - 1e-9, 1 - Math.ulp(1.0)};
        int near = 0;
        for (double p : ps) {
            for (int k = 0; k < 20000; k++) {
                // Philox's uniforms: multiples of 2^-53 in [0, 1)
                double u = (rnd.nextLong() >>> 11) * 0x1.0p-53;
                double x = Math.log1p(-u) / Math.log1p(-p);
                double g = gap(p, u);
                // the two quotients agree to a few ulps: where that spans a step of the floor (always,
                // once gaps exceed 2^53 / 10^3), either side of it is right
                double tolerance = 1e-12 * Math.max(1, x);
                if (Math.abs(x - Math.rint(x)) < tolerance) {
                    near += x < 1e9 ? 1 : 0;
                    assertTrue(Math.abs(g - 1 - x) <= 1 + tolerance, "p " + p + ", u " + u);
                } else {
                    assertEquals(Math.floor(x) + 1, g, 0, "p " + p + ", u " + u);
                }
            }
        }
        assertTrue(near < 10, near + " draws of gaps below 10^9 within rounding of a step");
    }

    @Test
    void edgesOfTheUniformAndTheProbability() {
        assertEquals(1, gap(0.3, 0), "u = 0: the first step");
        double top = 1 - 0x1.0p-53;
        assertEquals(Math.floor(Math.log(0x1.0p-53) / Math.log1p(-0.3)) + 1, gap(0.3, top), "the largest uniform: finite");
        assertEquals(1, gap(1, 0.5), "p = 1: every step");
        assertEquals(1, gap(1, top), "p = 1: every step");
        assertEquals(Double.POSITIVE_INFINITY, gap(0, 0.5), "p = 0: never");
        assertEquals(Double.POSITIVE_INFINITY, gap(0, top), "p = 0: never");
    }
}
