package org.brainj.launcher.output;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.brainj.api.BrainJException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of a run (XChart, drawn headless): the spike raster and recorded variables over time. */
public final class Plots {
    /** Lines drawn per variable plot: enough to see the dynamics, few enough to tell apart. */
    static final int MAX_LINES = 10;
    /** Points per line: a plot is about 1000 pixels wide; each bucket keeps its minimum and maximum. */
    static final int MAX_POINTS = 4000;
    /** Dots in a raster: beyond this it shows only the run's beginning, as its title says. */
    static final int MAX_SPIKES = 200_000;

    private Plots() {
    }

    /** Spikes as dots, one series per population, stacked on the neuron axis in the order given. */
    public static byte[] raster(Map<String, double[][]> spikesByPopulation, Map<String, Integer> sizes) {
        double until = rasterEnd(spikesByPopulation);
        XYChart chart = chart(Double.isInfinite(until) ? "Spike raster"
                : "Spike raster (the first " + (long) until + " ms)", "time (ms)", "neuron");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(2);
        int offset = 0;
        for (Map.Entry<String, double[][]> e : spikesByPopulation.entrySet()) {
            double[] all = e.getValue()[0];
            int n = 0;
            while (n < all.length && all[n] <= until) {
                n++;
            }
            double[] t = java.util.Arrays.copyOf(all, n);
            double[] index = java.util.Arrays.copyOf(e.getValue()[1], n);
            for (int k = 0; k < n; k++) {
                index[k] += offset;
            }
            // XChart refuses empty series: a population that never fired still gets its legend entry
            chart.addSeries(e.getKey(), t.length == 0 ? new double[] {0} : t, t.length == 0 ? new double[] {offset} : index)
                    .setMarker(SeriesMarkers.CIRCLE);
            if (t.length == 0) {
                chart.getSeriesMap().get(e.getKey()).setMarkerColor(new Color(0, 0, 0, 0));
            }
            offset += sizes.get(e.getKey());
        }
        return png(chart);
    }

    /** The time up to which the raster shows spikes: all of them, or as many as {@link #MAX_SPIKES} allows. */
    private static double rasterEnd(Map<String, double[][]> spikesByPopulation) {
        double[] times = spikesByPopulation.values().stream().flatMapToDouble(c -> java.util.Arrays.stream(c[0])).sorted().toArray();
        return times.length <= MAX_SPIKES ? Double.POSITIVE_INFINITY : Math.floor(times[MAX_SPIKES]);
    }

    /** Columns of values over time, one line each (the first {@value #MAX_LINES}), named by {@code series}. */
    public static byte[] lines(String title, String yLabel, double[] times, double[][] values, List<String> series) {
        return lines(title, "time (ms)", yLabel, times, values, series);
    }

    /** Columns of values against {@code x} (a sweep's measures against the swept value), one line each. */
    public static byte[] lines(String title, String xLabel, String yLabel, double[] x, double[][] values, List<String> series) {
        XYChart chart = chart(title, xLabel, yLabel);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        int columns = Math.min(MAX_LINES, values.length == 0 ? 0 : values[0].length);
        for (int c = 0; c < columns; c++) {
            double[][] xy = decimate(x, values, c);
            chart.addSeries(series.get(c), xy[0], xy[1]).setMarker(SeriesMarkers.NONE);
        }
        return png(chart);
    }

    /** Column {@code c} over time, at most {@link #MAX_POINTS} points: each bucket's minimum and maximum in time order. */
    static double[][] decimate(double[] times, double[][] values, int c) {
        int n = times.length;
        int bucket = Math.max(1, (int) Math.ceil(n / (MAX_POINTS / 2.0)));
        if (bucket == 1) {
            double[] y = new double[n];
            for (int r = 0; r < n; r++) {
                y[r] = values[r][c];
            }
            return new double[][] {times, y};
        }
        int buckets = (n + bucket - 1) / bucket;
        double[] x = new double[2 * buckets];
        double[] y = new double[2 * buckets];
        for (int b = 0; b < buckets; b++) {
            int lo = b * bucket;
            int hi = Math.min(n, lo + bucket);
            int min = lo;
            int max = lo;
            for (int r = lo; r < hi; r++) {
                min = values[r][c] < values[min][c] ? r : min;
                max = values[r][c] > values[max][c] ? r : max;
            }
            int first = Math.min(min, max);
            int second = Math.max(min, max);
            x[2 * b] = times[first];
            y[2 * b] = values[first][c];
            x[2 * b + 1] = times[second];
            y[2 * b + 1] = values[second][c];
        }
        return new double[][] {x, y};
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(1000).height(600).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
        } catch (IOException e) {
            throw new BrainJException("cannot draw the plot '" + chart.getTitle() + "': " + e.getMessage(), e);
        }
    }
}
