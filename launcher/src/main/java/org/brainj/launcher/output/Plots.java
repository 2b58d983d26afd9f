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

    private Plots() {
    }

    /** Spikes as dots, one series per population, stacked on the neuron axis in the order given. */
    public static byte[] raster(Map<String, double[][]> spikesByPopulation, Map<String, Integer> sizes) {
        XYChart chart = chart("Spike raster", "time (ms)", "neuron");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(2);
        int offset = 0;
        for (Map.Entry<String, double[][]> e : spikesByPopulation.entrySet()) {
            double[] t = e.getValue()[0];
            double[] index = e.getValue()[1].clone();
            for (int k = 0; k < index.length; k++) {
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

    /** Columns of values over time, one line each (the first {@value #MAX_LINES}), named by {@code series}. */
    public static byte[] lines(String title, String yLabel, double[] times, double[][] values, List<String> series) {
        XYChart chart = chart(title, "time (ms)", yLabel);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        int columns = Math.min(MAX_LINES, values.length == 0 ? 0 : values[0].length);
        for (int c = 0; c < columns; c++) {
            double[] y = new double[values.length];
            for (int r = 0; r < values.length; r++) {
                y[r] = values[r][c];
            }
            chart.addSeries(series.get(c), times, y).setMarker(SeriesMarkers.NONE);
        }
        return png(chart);
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
