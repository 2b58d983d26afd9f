package org.brainj.benchmarks.speed;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.brainj.api.tensor.Backends;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * How the cpu backend's cost per simulated second grows with the neurons and the synaptic events:
 * Linear (neurons only), CUBA (80 synapses per neuron, about 5 Hz: events grow with the neurons)
 * and SparseMediumRate SynapsesOnly (events grow with N^2) from Brian2's speed suite, warmed, at
 * 10^3 to 10^6 neurons (SynapsesOnly to 10^5), all in one JVM. Each point: a warm-up run as long
 * as the measured span, then the calling thread's CPU time (the simulation's, on one thread) and the
 * process's over the span, scaled to one simulated second. A least-squares fit of the thread's
 * cost as {@code a N + b events} gives the cost per neuron and step and per event. Writes the
 * points as JSON lines and a log-log plot, {@code BASE.svg} and {@code BASE.png}.
 *
 * <p>Usage: {@code ScalingBenchmark [BASE: benchmarks/scaling] [largest N: 1000000]}; run it with
 * {@code -Dbrainj.cpu.threads=1} so that the thread's time is all of the simulation's.
 */
public final class ScalingBenchmark {
    private static final Map<String, Integer> CASES = new LinkedHashMap<>();

    static {
        CASES.put("LinearNeuronsOnly", 1_000_000);
        CASES.put("CUBAFixedConnectivity", 1_000_000);
        CASES.put("SparseMediumRateSynapsesOnly", 100_000);
    }

    private record Point(String name, int n, double threadCost, double processCost, double eventsPerSecond) {
    }

    private ScalingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path base = Path.of(args.length > 0 ? args[0] : "benchmarks/scaling");
        int largest = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        List<Point> points = new ArrayList<>();
        for (var c : CASES.entrySet()) {
            for (int n = 1000; n <= Math.min(c.getValue(), largest); n *= 10) {
                points.add(measure(c.getKey(), n));
            }
        }
        double[] fit = fit(points);
        System.out.printf(Locale.ROOT, "fit of the thread's CPU per simulated second: %.2f ns per neuron and step "
                + "(%.3g s per neuron), %.2f ns per event%n", fit[0] / (1000 / SpeedCases.DT) * 1e9, fit[0], fit[1] * 1e9);
        plot(points, base);
    }

    private static Point measure(String name, int n) {
        SpeedCases.Case c = SpeedCases.of(name, n, Backends.get("cpu"), 1);
        c.build().run();
        // about 2e7 neuron-steps or events per measured span, 50 ms to 1 s in whole ms; the warm-up as long
        // (at least 500 steps, so that the kernels run C2-compiled)
        double span = Math.max(50, Math.min(1000, Math.rint(2e7 / (n * (1 + perNeuronEventsPerMs(name, n))))));
        c.run().accept(span);
        double events0 = c.events().getAsDouble();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = os.getProcessCpuTime();
        long thread0 = threads.getCurrentThreadCpuTime();
        c.run().accept(span);
        double perSecond = 1000 / span;
        Point p = new Point(name, n, (threads.getCurrentThreadCpuTime() - thread0) * 1e-9 * perSecond,
                (os.getProcessCpuTime() - cpu0) * 1e-9 * perSecond, (c.events().getAsDouble() - events0) * perSecond);
        System.out.printf(Locale.ROOT, "{\"case\": \"%s\", \"n\": %d, \"span_ms\": %.0f, \"thread_cpu_s_per_s\": %.4g, "
                        + "\"process_cpu_s_per_s\": %.4g, \"events_per_s\": %.4g}%n",
                name, n, span, p.threadCost(), p.processCost(), p.eventsPerSecond());
        return p;
    }

    /** Roughly how many events per neuron and ms a case delivers, to size its span. */
    private static double perNeuronEventsPerMs(String name, int n) {
        return switch (name) {
            case "CUBAFixedConnectivity" -> 0.4;
            case "SparseMediumRateSynapsesOnly" -> 2e-4 * n * 10;
            default -> 0;
        };
    }

    /** Least squares of the thread's cost as a * neurons + b * events per second, without intercept. */
    private static double[] fit(List<Point> points) {
        double snn = 0;
        double sne = 0;
        double see = 0;
        double sny = 0;
        double sey = 0;
        for (Point p : points) {
            // relative errors: weight each point by 1 / cost^2, so the small sizes count as much as the large
            double w = 1 / (p.threadCost() * p.threadCost());
            snn += w * p.n() * (double) p.n();
            sne += w * p.n() * p.eventsPerSecond();
            see += w * p.eventsPerSecond() * p.eventsPerSecond();
            sny += w * p.n() * p.threadCost();
            sey += w * p.eventsPerSecond() * p.threadCost();
        }
        double det = snn * see - sne * sne;
        return new double[] {(sny * see - sey * sne) / det, (snn * sey - sne * sny) / det};
    }

    private static void plot(List<Point> points, Path base) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(560)
                .title("BrainJ cpu: CPU s per simulated s (one thread, warmed)")
                .xAxisTitle("neurons").yAxisTitle("CPU s per simulated s").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setMarkerSize(8);
        for (String name : CASES.keySet()) {
            List<Point> ps = points.stream().filter(p -> p.name().equals(name)).toList();
            XYSeries s = chart.addSeries(name, ps.stream().mapToDouble(Point::n).toArray(),
                    ps.stream().mapToDouble(Point::threadCost).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
