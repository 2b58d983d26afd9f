package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.brainj.api.BrainJException;
import org.junit.jupiter.api.Test;

class EventsAndStepHandlersTest {
    /** x' = y, y' = -x from (1, 0): x = cos t, so y = -sin t crosses 0 upwards at t = pi, 3 pi, ... */
    private static final Odeint OSCILLATOR = Odeint.of(List.of("x", "y"), (t, s, d) -> { d[0] = s[1]; d[1] = -s[0]; });

    private record Recorder(EventDetector.Direction direction, List<Double> times) implements EventDetector {
        @Override
        public double g(double t, double[] x) {
            return x[1];
        }

        @Override
        public Action eventOccurred(double t, double[] x, boolean increasing) {
            times.add(t);
            return Action.CONTINUE;
        }
    }

    @Test
    void poincareSectionOfTheHarmonicOscillatorIsHitEveryPeriod() {
        Recorder upward = new Recorder(EventDetector.Direction.INCREASING, new ArrayList<>());
        OSCILLATOR.method("rk4").withEventDetector(upward).integrate(new double[] {1, 0}, 0, 20, 0.01);
        // analytic: y = -sin t rises through 0 at t = pi (mod 2 pi); rk4 at dt = 0.01 errs ~1e-9 in phase
        assertEquals(List.of(Math.PI, 3 * Math.PI, 5 * Math.PI).size(), upward.times().size());
        for (int k = 0; k < 3; k++) {
            assertEquals((2 * k + 1) * Math.PI, upward.times().get(k), 1e-7);
        }
    }

    @Test
    void bothDirectionsFindEveryZero() {
        Recorder both = new Recorder(EventDetector.Direction.BOTH, new ArrayList<>());
        OSCILLATOR.method("rkdp").adaptive(1e-10, 1e-10).withEventDetector(both)
                .integrate(new double[] {1, 0}, 0, 10, 0.1);
        assertEquals(3, both.times().size()); // pi, 2 pi, 3 pi
        assertEquals(2 * Math.PI, both.times().get(1), 1e-7);
    }

    @Test
    void aStoppingEventEndsTheTrajectoryAtTheThreshold() {
        // x' = 1 from 0 reaches the threshold 0.35 at t = 0.35, between two steps of 0.1
        EventDetector threshold = new EventDetector() {
            @Override
            public double g(double t, double[] x) {
                return x[0] - 0.35;
            }

            @Override
            public Action eventOccurred(double t, double[] x, boolean increasing) {
                return Action.STOP;
            }
        };
        Trajectory tr = Odeint.of(List.of("x"), (t, s, d) -> d[0] = 1).withEventDetector(threshold)
                .integrate(new double[] {0}, 0, 1, 0.1);
        assertEquals(0.35, tr.times()[tr.size() - 1], 1e-12);
        assertEquals(0.35, tr.last()[0], 1e-12);
    }

    @Test
    void stepHandlersSeeEveryAcceptedStepInOrder() {
        List<double[]> seen = new ArrayList<>();
        Trajectory tr = OSCILLATOR.method("euler").withStepHandler((t0, x0, t1, x1) -> seen.add(new double[] {t0, t1}))
                .integrate(new double[] {1, 0}, 0, 1, 0.25);
        assertEquals(tr.size() - 1, seen.size());
        for (int k = 0; k < seen.size(); k++) {
            assertEquals(tr.times()[k], seen.get(k)[0], 0);
            assertEquals(tr.times()[k + 1], seen.get(k)[1], 0);
        }
    }

    @Test
    void relativeToleranceScalesWithTheSolution() {
        // x' = x from 1e6: absolute tol 1e-6 alone asks ~1e-12 relative, far more steps than rtol 1e-6 does
        Odeint growth = Odeint.of(List.of("x"), (t, s, d) -> d[0] = s[0]).method("rkdp");
        int strict = growth.adaptive(1e-6).integrate(new double[] {1e6}, 0, 1, 0.1).size();
        Trajectory relative = growth.adaptive(1e-6, 1e-6).integrate(new double[] {1e6}, 0, 1, 0.1);
        assertTrue(relative.size() < strict, relative.size() + " steps with rtol vs " + strict + " without");
        assertEquals(1e6 * Math.E, relative.last()[0], 1e6 * Math.E * 1e-5);
    }

    @Test
    void negativeRelativeToleranceIsRefusedByName() {
        BrainJException e = assertThrows(BrainJException.class, () -> StepSizeControl.of(1e-6, -1));
        assertTrue(e.getMessage().contains("rtol"), e.getMessage());
    }
}
