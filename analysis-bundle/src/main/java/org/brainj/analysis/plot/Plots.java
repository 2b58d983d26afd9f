package org.brainj.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainj.analysis.AnalysisException;
import org.brainj.analysis.Bifurcation;
import org.brainj.analysis.FastSlow;
import org.brainj.analysis.FixedPoint;
import org.brainj.analysis.LimitCycle;
import org.brainj.analysis.PhasePlane;
import org.brainj.analysis.StabilityType;
import org.brainj.analysis.VariableRange;
import org.brainj.analysis.measure.Spikes;
import org.brainj.api.integrate.Trajectory;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The pictures, as the reference draws them. Line plots and rasters take monitor data as the
 * monitors give it ({@code [time][neuron]} values, spike events); the analysis pictures take an
 * analysis and its result. Stable fixed points and branches are drawn solid, unstable ones
 * dashed or hollow, as in the reference's diagrams.
 */
public final class Plots {
    /** Lines drawn per line plot: enough to see the dynamics, few enough to tell apart. */
    static final int MAX_LINES = 10;
    /** Points per line: a plot is about 1000 pixels wide; each bucket keeps its minimum and maximum. */
    static final int MAX_POINTS = 4000;
    /** Dots in a raster: a plot is about 1000 x 700 pixels, and in SVG each dot is about 90 bytes. */
    static final int MAX_DOTS = 20_000;
    static final int WIDTH = 1000;
    static final int HEIGHT = 700;
    /** An arrow of the vector field, as a fraction of the spacing between arrows. */
    static final double ARROW = 0.7;
    /** Segments across the parameter range of a dashed (unstable) branch, each long enough to show a dash and a gap. */
    static final int DASHED_SEGMENTS = 40;

    /**
     * The lines of recorded data: 2 px, ends cut square. XChart draws a line series segment by
     * segment, each with the stroke's ends: its default round ends put two discs at each of a
     * curve's points (4000 per line), which took more than half the time of painting a run's
     * voltage plot and, in its translucent colours, showed as beads along the lines.
     */
    static final BasicStroke DATA_LINE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL);

    static final Color STABLE = new Color(0x1f, 0x4e, 0x9a);
    static final Color UNSTABLE = new Color(0xc0, 0x39, 0x2b);
    static final Color FIELD = new Color(150, 150, 150);
    static final Color[] NULLCLINES = {new Color(0xe6, 0x7e, 0x22), new Color(0x27, 0xae, 0x60)};
    static final Color TRAJECTORY = new Color(0x8e, 0x44, 0xad);
    static final Color CYCLE = new Color(0x16, 0xa0, 0x85);

    private Plots() {
    }

    /**
     * Draws a small line plot and raster as PNG and SVG and drops them. The first picture of a
     * process loads and initialises Java2D, its fonts, XChart and the PNG writer (about a tenth of
     * a second of CPU): a caller that will draw later can have that done now, on another thread,
     * while it computes. (Larger pictures, to have the JIT compile the rasteriser early, cost half
     * a second of CPU and did not make the run's own pictures faster.)
     */
    public static void warmUp() {
        Figure line = lines("warm-up", "value", new double[] {0, 1}, new double[][] {{0}, {1}}, List.of("a"));
        Figure dots = raster("warm-up", Map.of("a", new Spikes(1, 2, 1, new long[] {1}, new int[] {0})));
        for (Figure f : List.of(line, dots)) {
            f.png();
            f.svg();
        }
    }

    /** Columns of {@code values[time][column]} over {@code times}, one line each (the first {@value #MAX_LINES}). */
    public static Figure lines(String title, String yLabel, double[] times, double[][] values, List<String> names) {
        return lines(title, "time (ms)", yLabel, times, values, names);
    }

    /** Columns of {@code values[row][column]} against {@code x} (e.g. a sweep's measures against the swept value), one line each. */
    public static Figure lines(String title, String xLabel, String yLabel, double[] x, double[][] values, List<String> names) {
        if (values.length != x.length) {
            throw new AnalysisException("'" + title + "': " + values.length + " rows of values for " + x.length
                    + " x values; give one row per x value");
        }
        XYChart chart = chart(title, xLabel, yLabel, 0);
        int columns = Math.min(MAX_LINES, values.length == 0 ? 0 : values[0].length);
        if (names.size() < columns) {
            throw new AnalysisException("'" + title + "': " + names.size() + " names for " + columns + " columns");
        }
        for (int c = 0; c < columns; c++) {
            double[][] xy = decimate(x, values, c);
            line(chart, names.get(c), xy[0], xy[1], null, DATA_LINE);
        }
        return new Figure(chart);
    }

    /** Spikes as dots, one colour per population, stacked on the neuron axis in the order given. */
    public static Figure raster(String title, Map<String, Spikes> populations) {
        return raster(title, populations, 0, Double.POSITIVE_INFINITY);
    }

    /**
     * The spikes at times {@code from <= t < to} (ms) as dots, one colour per population, stacked
     * on the neuron axis in the order given. At most {@value #MAX_DOTS} dots: beyond that the
     * window is cut to its earliest {@value #MAX_DOTS} spikes and the title says up to when, so
     * that an SVG stays a few megabytes (each dot is an element of its own there).
     */
    public static Figure raster(String title, Map<String, Spikes> populations, double from, double to) {
        double[] window = {from, to};
        double[] inWindow = spikeTimes(populations, from, to);
        String shown = title;
        if (inWindow.length > MAX_DOTS) {
            // only the cut is needed, but a plain sort of a primitive array is cheap, unlike the stream pipeline that did this
            Arrays.sort(inWindow);
            window[1] = inWindow[MAX_DOTS];
            shown = title + " (the first " + MAX_DOTS + " spikes, to " + number(window[1]) + " ms)";
        }
        XYChart chart = chart(shown, "time (ms)", "neuron", 3);
        int offset = 0;
        for (Map.Entry<String, Spikes> e : populations.entrySet()) {
            Spikes s = e.getValue();
            double[] t = new double[s.count()];
            double[] index = new double[s.count()];
            int n = 0;
            long[] step = s.step();
            int[] neuron = s.neuron();
            double dt = s.dt();
            for (int k = 0; k < step.length; k++) {
                double time = step[k] * dt;
                if (time >= window[0] && time < window[1]) {
                    t[n] = time;
                    index[n++] = neuron[k] + offset;
                }
            }
            t = Arrays.copyOf(t, n);
            index = Arrays.copyOf(index, n);
            // XChart refuses empty series: a silent population still gets its legend entry, drawn invisible
            XYSeries series = dots(chart, e.getKey(), t.length == 0 ? new double[] {0} : t,
                    t.length == 0 ? new double[] {offset} : index, null, new Dot());
            if (t.length == 0) {
                series.setMarkerColor(new Color(0, 0, 0, 0));
            }
            offset += s.neurons();
        }
        return new Figure(chart);
    }

    /** The times (ms) of all populations' spikes at {@code from <= t < to}, in no particular order. */
    private static double[] spikeTimes(Map<String, Spikes> populations, double from, double to) {
        double[] times = new double[populations.values().stream().mapToInt(Spikes::count).sum()];
        int n = 0;
        for (Spikes s : populations.values()) {
            double dt = s.dt();
            for (long k : s.step()) {
                double t = k * dt;
                if (t >= from && t < to) {
                    times[n++] = t;
                }
            }
        }
        return Arrays.copyOf(times, n);
    }

    /**
     * Each population's rate (Hz) in bins of {@code bin} ms over {@code from <= t < to}, drawn
     * as steps: the spikes in the bin over the population's neurons and the bin's width (the
     * last bin may be shorter). {@code to} infinite: to the end of the recording.
     */
    public static Figure rateHistogram(String title, Map<String, Spikes> populations, double bin, double from, double to) {
        XYChart chart = chart(title, "time (ms)", "rate (Hz)", 0);
        for (Map.Entry<String, Spikes> e : populations.entrySet()) {
            Spikes s = e.getValue();
            double end = Math.min(to, s.steps() * s.dt());
            double[] rates = binnedRates(s, bin, from, end);
            // a step series holds each value from its x to the next: the last bin's value is repeated at the window's end
            double[] x = new double[rates.length + 1];
            double[] y = new double[rates.length + 1];
            for (int k = 0; k < rates.length; k++) {
                x[k] = from + k * bin;
                y[k] = rates[k];
            }
            x[rates.length] = end;
            y[rates.length] = rates.length == 0 ? 0 : rates[rates.length - 1];
            XYSeries series = chart.addSeries(e.getKey(), x, y);
            series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
            series.setMarker(SeriesMarkers.NONE);
        }
        return new Figure(chart);
    }

    /** The rate (Hz) of each bin of {@code bin} ms from {@code from} to {@code to}: spikes / (neurons x the bin's width). */
    static double[] binnedRates(Spikes s, double bin, double from, double to) {
        if (!(bin > 0) || !(to > from)) {
            throw new AnalysisException("a rate histogram needs a bin > 0 and a window from < to; got bin " + bin + " ms, window "
                    + from + " to " + to + " ms");
        }
        int bins = (int) Math.ceil((to - from) / bin - 1e-9);
        double[] counts = new double[bins];
        for (long k : s.step()) {
            double t = k * s.dt();
            if (t >= from && t < to) {
                counts[Math.min(bins - 1, (int) ((t - from) / bin))]++;
            }
        }
        for (int b = 0; b < bins; b++) {
            double width = Math.min(bin, to - (from + b * bin));
            counts[b] /= s.neurons() * width / 1000;
        }
        return counts;
    }

    /**
     * A phase plane: nullclines, the vector field as arrows, trajectories and limit cycles, and
     * the fixed points marked by stability type. In 1-d, {@code dx/dt} over {@code x}.
     */
    public static Figure phasePlane(PhasePlane plane, PhasePlane.Result result) {
        List<String> targets = plane.system().targets();
        if (targets.size() == 1) {
            return phaseLine(plane, result);
        }
        XYChart chart = chart("Phase plane", targets.get(0), targets.get(1), 12);
        axes(chart, plane.ranges().get(0), plane.ranges().get(1));
        PhasePlane.VectorFieldGrid field = result.vectorField();
        arrows(chart, field, plane.ranges().get(0), plane.ranges().get(1));
        for (int i = 0; i < result.nullclines().size(); i++) {
            PhasePlane.Nullcline n = result.nullclines().get(i);
            if (n.x().length > 0) {
                points(chart, "d" + n.variable() + "/dt = 0", n.x(), n.y(), NULLCLINES[i % NULLCLINES.length], plane.ranges());
            }
        }
        for (int k = 0; k < result.trajectories().size(); k++) {
            Trajectory t = result.trajectories().get(k);
            double[][] xy = decimateXY(t.of(targets.get(0)), t.of(targets.get(1)));
            line(chart, "trajectory from (" + number(t.states()[0][0]) + ", " + number(t.states()[0][1]) + ")", xy[0], xy[1],
                    TRAJECTORY, SeriesLines.SOLID);
        }
        for (int k = 0; k < result.limitCycles().size(); k++) {
            LimitCycle c = result.limitCycles().get(k);
            line(chart, "limit cycle, period " + number(c.period()) + (k == 0 ? "" : " (" + (k + 1) + ")"),
                    c.cycle().of(targets.get(0)), c.cycle().of(targets.get(1)), CYCLE, new BasicStroke(3f))
                    .setLineWidth(3f);
        }
        fixedPoints(chart, result.fixedPoints(), p -> p.values()[0], p -> p.values()[1]);
        return new Figure(chart);
    }

    private static Figure phaseLine(PhasePlane plane, PhasePlane.Result result) {
        String x = plane.system().targets().get(0);
        XYChart chart = chart("Phase line", x, "d" + x + "/dt", 12);
        PhasePlane.Nullcline curve = result.nullclines().get(0);
        line(chart, "d" + x + "/dt", curve.x(), curve.y(), NULLCLINES[0], SeriesLines.SOLID);
        VariableRange r = plane.ranges().get(0);
        line(chart, "d" + x + "/dt = 0", new double[] {r.min(), r.max()}, new double[] {0, 0}, FIELD, SeriesLines.DASH_DASH);
        fixedPoints(chart, result.fixedPoints(), p -> p.values()[0], p -> 0);
        return new Figure(chart);
    }

    /**
     * A bifurcation diagram. Codimension 1: target variable {@code variable} over the parameter,
     * branches solid where stable and dashed where not, the special points (Hopf, saddle-node)
     * marked, and the limit cycles' extrema. Codimension 2: the special points in the plane of
     * the two parameters, over the region where no fixed point is stable.
     */
    public static Figure bifurcation(Bifurcation analysis, Bifurcation.Result result, String variable) {
        if (result.parameterNames().size() == 2) {
            return twoParameters(analysis, result);
        }
        int v = targetIndex(analysis.system().targets(), variable);
        XYChart chart = chart("Bifurcation diagram", result.parameterNames().get(0), variable, 8);
        branches(chart, result.points(), v, analysis.variables());
        if (!result.cycles().isEmpty()) {
            double[] p = result.cycles().stream().mapToDouble(Bifurcation.CycleExtrema::parameter).toArray();
            dots(chart, "limit cycle max", p, result.cycles().stream().mapToDouble(c -> c.max()[v]).toArray(), CYCLE,
                    SeriesMarkers.TRIANGLE_UP);
            dots(chart, "limit cycle min", p, result.cycles().stream().mapToDouble(c -> c.min()[v]).toArray(), CYCLE,
                    SeriesMarkers.TRIANGLE_DOWN);
        }
        special(chart, result.special(), s -> s.parameters()[0], s -> s.values()[v]);
        return new Figure(chart);
    }

    /**
     * The fast subsystem's diagram along the slow variable with the full system's trajectories
     * over it: target variable {@code variable} of the fast subsystem over the slow variable.
     */
    public static Figure fastSlow(FastSlow analysis, FastSlow.Result result, String variable) {
        if (analysis.slow().size() != 1) {
            throw new AnalysisException("a fast-slow picture has one slow variable on its axis, the analysis has "
                    + analysis.slow().size() + "; plot its bifurcation diagram instead");
        }
        int v = targetIndex(analysis.fastSystem().targets(), variable);
        String slow = analysis.slow().get(0).name();
        XYChart chart = chart("Fast-slow analysis", slow, variable, 8);
        Bifurcation.Result diagram = result.bifurcation();
        branches(chart, diagram.points(), v, analysis.fast());
        for (Trajectory t : result.trajectories()) {
            double[][] xy = decimateXY(t.of(slow), t.of(variable));
            line(chart, "trajectory", xy[0], xy[1], TRAJECTORY, SeriesLines.SOLID).setLineWidth(1f);
        }
        special(chart, diagram.special(), s -> s.parameters()[0], s -> s.values()[v]);
        return new Figure(chart);
    }

    private static Figure twoParameters(Bifurcation analysis, Bifurcation.Result result) {
        List<String> names = result.parameterNames();
        XYChart chart = chart("Codimension-2 bifurcation diagram", names.get(0), names.get(1), 6);
        axes(chart, analysis.parameters().get(0), analysis.parameters().get(1));
        // per parameter pair, whether any fixed point there is stable
        Map<List<Double>, Boolean> anyStable = new LinkedHashMap<>();
        for (Bifurcation.BranchPoint bp : result.points()) {
            anyStable.merge(List.of(bp.parameters()[0], bp.parameters()[1]), bp.point().type().isStable(), Boolean::logicalOr);
        }
        List<double[]> noStable = anyStable.entrySet().stream().filter(e -> !e.getValue())
                .map(e -> new double[] {e.getKey().get(0), e.getKey().get(1)}).toList();
        if (!noStable.isEmpty()) {
            dots(chart, "no stable fixed point", noStable.stream().mapToDouble(p -> p[0]).toArray(),
                    noStable.stream().mapToDouble(p -> p[1]).toArray(), new Color(230, 200, 200), SeriesMarkers.SQUARE);
        }
        special(chart, result.special(), s -> s.parameters()[0], s -> s.parameters()[1]);
        return new Figure(chart);
    }

    /**
     * The branches of a codimension-1 diagram as lines: each point joined to the nearest point of
     * the next parameter value when that is close (a twentieth of the variable's range) and of
     * the same stability, the joins chained into polylines so that dashes run along them; stable
     * lines solid, unstable dashed.
     */
    private static void branches(XYChart chart, List<Bifurcation.BranchPoint> points, int v, List<VariableRange> ranges) {
        Map<Double, List<FixedPoint>> columns = new LinkedHashMap<>();
        for (Bifurcation.BranchPoint bp : points) {
            columns.computeIfAbsent(bp.parameters()[bp.parameters().length - 1], k -> new ArrayList<>()).add(bp.point());
        }
        List<Double> ps = new ArrayList<>(columns.keySet());
        ps.sort(Double::compare);
        double tolerance = ranges.get(v).width() / 20;
        List<List<double[]>> done = new ArrayList<>();
        Map<FixedPoint, List<double[]>> open = new java.util.IdentityHashMap<>();
        for (int k = 0; k < ps.size(); k++) {
            Map<FixedPoint, List<double[]>> next = new java.util.IdentityHashMap<>();
            for (Map.Entry<FixedPoint, List<double[]>> chain : open.entrySet()) {
                FixedPoint a = chain.getKey();
                FixedPoint best = null;
                for (FixedPoint b : columns.get(ps.get(k))) {
                    if (best == null || distance(a, b) < distance(a, best)) {
                        best = b;
                    }
                }
                if (best != null && !next.containsKey(best) && Math.abs(best.values()[v] - a.values()[v]) <= tolerance
                        && best.type().isStable() == a.type().isStable()) {
                    chain.getValue().add(new double[] {ps.get(k), best.values()[v]});
                    next.put(best, chain.getValue());
                } else {
                    done.add(chain.getValue());
                }
            }
            for (FixedPoint b : columns.get(ps.get(k))) {
                if (!next.containsKey(b)) {
                    List<double[]> chain = new ArrayList<>();
                    chain.add(new double[] {ps.get(k), b.values()[v]});
                    next.put(b, chain);
                }
            }
            open = next;
        }
        done.addAll(open.values());
        // a chain's stability is that of its points; find it from the first point's column
        List<Double> stableX = new ArrayList<>();
        List<Double> stableY = new ArrayList<>();
        List<Double> unstableX = new ArrayList<>();
        List<Double> unstableY = new ArrayList<>();
        for (List<double[]> chain : done) {
            if (chain.size() < 2) {
                continue;
            }
            boolean stable = stableAt(columns.get(chain.get(0)[0]), chain.get(0)[1], v);
            List<Double> xs = stable ? stableX : unstableX;
            List<Double> ys = stable ? stableY : unstableY;
            // XChart starts the dash pattern afresh on each segment: dashed lines get segments long enough to show it
            int every = stable ? 1 : (int) Math.ceil(ps.size() / (double) DASHED_SEGMENTS);
            for (int i = 0; i < chain.size(); i++) {
                if (i % every == 0 || i == chain.size() - 1) {
                    xs.add(chain.get(i)[0]);
                    ys.add(chain.get(i)[1]);
                }
            }
            xs.add(Double.NaN);
            ys.add(Double.NaN);
        }
        if (!stableX.isEmpty()) {
            line(chart, "stable", array(stableX), array(stableY), STABLE, new BasicStroke(2.5f)).setLineWidth(2.5f);
        }
        if (!unstableX.isEmpty()) {
            line(chart, "unstable", array(unstableX), array(unstableY), UNSTABLE, dashed()).setLineWidth(2f);
        }
    }

    private static boolean stableAt(List<FixedPoint> column, double value, int v) {
        return column.stream().filter(p -> p.values()[v] == value).findFirst().orElseThrow().type().isStable();
    }

    private static double distance(FixedPoint a, FixedPoint b) {
        double s = 0;
        for (int i = 0; i < a.values().length; i++) {
            s += (a.values()[i] - b.values()[i]) * (a.values()[i] - b.values()[i]);
        }
        return s;
    }

    private static void special(XYChart chart, List<Bifurcation.SpecialPoint> special,
                                java.util.function.ToDoubleFunction<Bifurcation.SpecialPoint> x,
                                java.util.function.ToDoubleFunction<Bifurcation.SpecialPoint> y) {
        for (String kind : List.of("hopf", "saddle-node")) {
            List<Bifurcation.SpecialPoint> of = special.stream().filter(s -> s.kind().equals(kind)).toList();
            if (!of.isEmpty()) {
                dots(chart, kind.equals("hopf") ? "Hopf" : "saddle-node", of.stream().mapToDouble(x).toArray(),
                        of.stream().mapToDouble(y).toArray(), kind.equals("hopf") ? Color.BLACK : new Color(0x7f, 0x8c, 0x8d),
                        kind.equals("hopf") ? SeriesMarkers.DIAMOND : SeriesMarkers.SQUARE);
            }
        }
    }

    /** One series per stability type present: stable types filled blue, unstable ones red, each its own marker. */
    private static void fixedPoints(XYChart chart, List<FixedPoint> points, java.util.function.ToDoubleFunction<FixedPoint> x,
                                    java.util.function.ToDoubleFunction<FixedPoint> y) {
        Marker[] markers = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP,
            SeriesMarkers.TRIANGLE_DOWN};
        for (StabilityType type : StabilityType.values()) {
            List<FixedPoint> of = points.stream().filter(p -> p.type() == type).toList();
            if (!of.isEmpty()) {
                dots(chart, type.label(), of.stream().mapToDouble(x).toArray(), of.stream().mapToDouble(y).toArray(),
                        type.isStable() ? STABLE : UNSTABLE, markers[type.ordinal() % markers.length]);
            }
        }
    }

    /** Each arrow a shaft and a two-stroke head, all in one series broken by NaN; drawn in screen proportions. */
    private static void arrows(XYChart chart, PhasePlane.VectorFieldGrid field, VariableRange rx, VariableRange ry) {
        int n = field.x().length;
        double spacing = ARROW / (Math.sqrt(n) - 1);
        double[] xs = new double[9 * n];
        double[] ys = new double[9 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double u = field.u()[i] / rx.width();
            double v = field.v()[i] / ry.width();
            double norm = Math.hypot(u, v);
            if (!(norm > 0) || !Double.isFinite(norm)) {
                continue;
            }
            u *= spacing / norm;
            v *= spacing / norm;
            double x0 = field.x()[i] - u / 2 * rx.width();
            double y0 = field.y()[i] - v / 2 * ry.width();
            double x1 = field.x()[i] + u / 2 * rx.width();
            double y1 = field.y()[i] + v / 2 * ry.width();
            double[][] head = {{-u * 0.35 - v * 0.2, -v * 0.35 + u * 0.2}, {-u * 0.35 + v * 0.2, -v * 0.35 - u * 0.2}};
            double[][] path = {{x0, y0}, {x1, y1}, {x1 + head[0][0] * rx.width(), y1 + head[0][1] * ry.width()},
                {Double.NaN, Double.NaN}, {x1, y1}, {x1 + head[1][0] * rx.width(), y1 + head[1][1] * ry.width()},
                {Double.NaN, Double.NaN}};
            for (double[] p : path) {
                xs[k] = p[0];
                ys[k++] = p[1];
            }
        }
        if (k > 0) {
            line(chart, "vector field", Arrays.copyOf(xs, k), Arrays.copyOf(ys, k), FIELD, SeriesLines.SOLID).setLineWidth(1f);
        }
    }

    private static int targetIndex(List<String> targets, String variable) {
        int v = targets.indexOf(variable);
        if (v < 0) {
            throw new AnalysisException("'" + variable + "' is not a target variable " + targets + "; plot one of those");
        }
        return v;
    }

    private static void axes(XYChart chart, VariableRange x, VariableRange y) {
        chart.getStyler().setXAxisMin(x.min()).setXAxisMax(x.max()).setYAxisMin(y.min()).setYAxisMax(y.max());
    }

    private static XYChart chart(String title, String x, String y, int markerSize) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE)
                .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE).setAntiAlias(true)
                .setMarkerSize(markerSize);
        return chart;
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(stroke);
        if (color != null) {
            s.setLineColor(color);
        }
        return s;
    }

    /** Markers; their size is the chart's (XChart has one marker size per chart). */
    private static XYSeries dots(XYChart chart, String name, double[] x, double[] y, Color color, Marker marker) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        if (color != null) {
            s.setMarkerColor(color);
        }
        return s;
    }

    /**
     * Unordered points of a curve (a nullcline found by scanning) as dots small enough to read as
     * the curve: each a stroke a few thousandths of the width long, in one series broken by NaN.
     */
    private static void points(XYChart chart, String name, double[] x, double[] y, Color color, List<VariableRange> ranges) {
        double dx = ranges.get(0).width() * 0.002;
        double[] xs = new double[3 * x.length];
        double[] ys = new double[3 * x.length];
        for (int k = 0; k < x.length; k++) {
            xs[3 * k] = x[k] - dx;
            xs[3 * k + 1] = x[k] + dx;
            xs[3 * k + 2] = Double.NaN;
            ys[3 * k] = y[k];
            ys[3 * k + 1] = y[k];
            ys[3 * k + 2] = Double.NaN;
        }
        line(chart, name, xs, ys, color, new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)).setLineWidth(3f);
    }

    private static BasicStroke dashed() {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 6f}, 0f);
    }

    /** Column {@code c} over time, at most {@link #MAX_POINTS} points: each bucket's minimum and maximum in time order. */
    static double[][] decimate(double[] times, double[][] values, int c) {
        double[] y = new double[times.length];
        for (int r = 0; r < y.length; r++) {
            y[r] = values[r][c];
        }
        return decimateXY(times, y);
    }

    /** At most {@link #MAX_POINTS} points of a curve: each bucket's extremes of y, in order. */
    static double[][] decimateXY(double[] x, double[] y) {
        int n = x.length;
        int bucket = Math.max(1, (int) Math.ceil(n / (MAX_POINTS / 2.0)));
        if (bucket == 1) {
            return new double[][] {x, y};
        }
        int buckets = (n + bucket - 1) / bucket;
        double[] xs = new double[2 * buckets];
        double[] ys = new double[2 * buckets];
        for (int b = 0; b < buckets; b++) {
            int lo = b * bucket;
            int hi = Math.min(n, lo + bucket);
            int min = lo;
            int max = lo;
            for (int r = lo; r < hi; r++) {
                min = y[r] < y[min] ? r : min;
                max = y[r] > y[max] ? r : max;
            }
            int first = Math.min(min, max);
            int second = Math.max(min, max);
            xs[2 * b] = x[first];
            ys[2 * b] = y[first];
            xs[2 * b + 1] = x[second];
            ys[2 * b + 1] = y[second];
        }
        return new double[][] {xs, ys};
    }

    private static double[] array(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String number(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
