package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.brainj.api.BrainJException;
import org.brainj.api.UnknownNameException;
import org.brainj.api.sim.ProgressListener;
import org.brainj.api.tensor.Backend;
import org.brainj.backend.aparapi.RequiresOpenCL;
import org.brainj.launcher.platform.Platform;
import org.brainj.launcher.run.BackendSource;
import org.brainj.launcher.run.BackendSpan;
import org.brainj.launcher.run.SegmentedRun;
import org.brainj.launcher.spec.RunSettings;
import org.brainj.launcher.spec.SpecLoader;
import org.brainj.launcher.spec.SpecRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/**
 * A backend bundle stopped (from another thread, as an operator or a plugin folder would) while a
 * run of examples/coba.yaml uses it, on the embedded platform as {@code brainj run} starts it.
 * The reference is the same spec run on the CPU backend alone: both backends compute COBA's
 * float64 steps bit for bit (backend-aparapi-gpu's CobaOnBothBackendsTest), so a run moved
 * mid-way must record exactly its spikes and V samples.
 */
class BackendDepartureIT {
    private static final Path COBA = Path.of("..", "examples", "coba.yaml");
    private static final double DURATION = 100;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Platform platform;

    @BeforeEach
    void start() {
        platform = Platform.start(Platform.defaultBundleDir());
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private SpecRun load(String backend) {
        return SpecLoader.load(COBA, COBA.toString(), new RunSettings.Overrides(DURATION, null, null, backend),
                new RegistryCatalog(platform));
    }

    private BackendSource backends() {
        return new BackendSource() {
            @Override
            public Backend find(String name) {
                try {
                    return platform.backend(name, Duration.ZERO);
                } catch (UnknownNameException e) {
                    return null;
                }
            }

            @Override
            public List<String> names() {
                return platform.backendNames();
            }
        };
    }

    /** The spec run on the CPU backend from start to end. */
    private SpecRun reference() {
        SpecRun run = load("cpu");
        run.network().run(DURATION);
        return run;
    }

    /** Once the run has passed a fifth of its steps, stops {@code bundle} on another thread. */
    private static final class StopAtAFifth implements ProgressListener {
        private final Bundle bundle;
        final AtomicReference<Thread> stopper = new AtomicReference<>();
        final AtomicReference<BundleException> failed = new AtomicReference<>();
        volatile double stoppedAfterMs = -1;

        StopAtAFifth(Bundle bundle) {
            this.bundle = bundle;
        }

        @Override
        public void progress(double fraction, double elapsedSeconds) {
            if (fraction >= 0.2 && stopper.get() == null) {
                stoppedAfterMs = fraction * DURATION;
                Thread t = new Thread(() -> {
                    try {
                        bundle.stop();
                    } catch (BundleException e) {
                        failed.set(e);
                    }
                }, "stops " + bundle.getSymbolicName());
                stopper.set(t);
                t.start();
            }
        }

        void joined() throws InterruptedException {
            stopper.get().join(WAIT.toMillis());
            assertEquals(null, failed.get(), "the bundle stopped");
        }
    }

    @Test
    @RequiresOpenCL
    void aRunWhoseAparapiBundleStopsFinishesOnCpuWithEverythingRecorded() throws Exception {
        // the CPU backend is first got (its component activated) while aparapi is leaving, as in `brainj run`
        SpecRun run = load("aparapi");
        Backend aparapi = run.network().backend();
        Bundle bundle = FrameworkUtil.getBundle(aparapi.getClass());
        assertEquals("org.brainj.backend.aparapi", bundle.getSymbolicName());

        StopAtAFifth stopping = new StopAtAFifth(bundle);
        SegmentedRun segmented = new SegmentedRun(run.network(), 0.1, DURATION, List.of(), backends(), stopping);
        platform.addDeparture(segmented);
        try (segmented) {
            segmented.run();
        } finally {
            platform.removeDeparture(segmented);
        }
        stopping.joined();
        SpecRun expected = reference();

        assertEquals(Bundle.RESOLVED, bundle.getState());
        List<BackendSpan> spans = segmented.spans();
        assertEquals(2, spans.size(), spans.toString());
        BackendSpan before = spans.get(0);
        BackendSpan after = spans.get(1);
        assertEquals(List.of("aparapi", "cpu"), spans.stream().map(BackendSpan::backend).toList());
        assertEquals("backend 'aparapi' left", after.reason());
        assertEquals(0, before.fromMs());
        assertEquals(before.toMs(), after.fromMs());
        assertTrue(before.toMs() >= stopping.stoppedAfterMs && before.toMs() < DURATION, spans.toString());
        assertEquals(DURATION, after.toMs());
        assertEquals("cpu", run.network().backend().name());

        // nothing recorded is lost: every spike and sample of the run that never moved
        assertEquals(expected.network().currentStep(), run.network().currentStep());
        assertTrue(expected.spikes().get("P").count() > 1000, "the network is active");
        assertArrayEquals(expected.spikes().get("P").steps(), run.spikes().get("P").steps());
        assertArrayEquals(expected.spikes().get("P").indices(), run.spikes().get("P").indices());
        assertArrayEquals(expected.states().get(0).monitor().values(), run.states().get(0).monitor().values());

        // starting the bundle again brings a new aparapi backend into the same platform, computing on OpenCL
        bundle.start();
        Backend again = platform.backend("aparapi", WAIT);
        assertNotSame(aparapi, again);
        double[] a = {1.5, -2.25, 1e-300};
        double[] b = {0.25, 2.25, 1e-300};
        assertArrayEquals(new double[] {1.5 + 0.25, -2.25 + 2.25, 1e-300 + 1e-300}, again.add(again.asTensor(a), again.asTensor(b))
                .toDoubleArray(), 0.0);
    }

    @Test
    void aRunLeftWithoutAnyBackendStopsWithWhatItRecorded() throws Exception {
        SpecRun expected = reference();
        Bundle aparapiBundle = FrameworkUtil.getBundle(platform.backend("aparapi", WAIT).getClass());
        aparapiBundle.stop();
        SpecRun run = load("cpu");
        Bundle cpuBundle = FrameworkUtil.getBundle(run.network().backend().getClass());

        StopAtAFifth stopping = new StopAtAFifth(cpuBundle);
        SegmentedRun segmented = new SegmentedRun(run.network(), 0.1, DURATION, List.of(), backends(), stopping);
        platform.addDeparture(segmented);
        BrainJException stopped;
        try (segmented) {
            stopped = assertThrows(BrainJException.class, segmented::run);
        } finally {
            platform.removeDeparture(segmented);
        }
        stopping.joined();

        double end = run.network().time();
        assertTrue(end >= stopping.stoppedAfterMs && end < DURATION, "stopped at " + end + " ms");
        assertEquals("backend 'cpu' left at t = " + SpecLoader.ms(end) + " ms (its bundle stopped) and no other backend is"
                + " registered; the outputs hold what was recorded until then; start a backend bundle and run the spec again",
                stopped.getMessage());
        List<BackendSpan> spans = segmented.spans();
        assertEquals(1, spans.size(), spans.toString());
        assertEquals(end, spans.get(0).toMs());

        // what was recorded up to the stop is all there: the reference's spikes and samples before it
        long steps = run.network().currentStep();
        long[] expectedSteps = expected.spikes().get("P").steps();
        // a spike's time index is the step it fired in: steps 0 .. steps - 1 ran
        int before = (int) Arrays.stream(expectedSteps).filter(s -> s < steps).count();
        assertTrue(before > 0, "spikes before the stop");
        assertArrayEquals(Arrays.copyOf(expectedSteps, before), run.spikes().get("P").steps());
        assertArrayEquals(Arrays.copyOf(expected.spikes().get("P").indices(), before), run.spikes().get("P").indices());
        double[][] samples = run.states().get(0).monitor().values();
        assertEquals(steps, samples.length, "one V sample per step run");
        assertArrayEquals(Arrays.copyOf(expected.states().get(0).monitor().values(), samples.length), samples);

        cpuBundle.start();
        assertEquals("cpu", platform.backend("cpu", WAIT).name(), "the backend comes back with its bundle");
    }
}
