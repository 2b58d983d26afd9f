package org.brainj.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.brainj.analysis.Bifurcation;
import org.brainj.analysis.PhasePlane;
import org.brainj.analysis.Subsystem;
import org.brainj.analysis.VariableRange;
import org.brainj.analysis.measure.Spikes;
import org.brainj.api.expr.Equations;
import org.junit.jupiter.api.Test;

/**
 * Pictures are written as PNG and SVG, and show what they should: each series is in the legend,
 * and its colour is on the PNG's pixels and in the SVG's strokes (XChart draws text as outlines,
 * so the SVG holds no names). The files stay under target/plots for a look.
 */
class PlotsTest {
    static final Path OUT = Path.of("target", "plots");
    static final Equations FHN = Equations.parse("""
            dV/dt = V - V*V*V/3 - w + Iext : 1
            dw/dt = (V + a - b*w) / tau : 1
            """);
    static final List<VariableRange> RANGES = List.of(new VariableRange("V", -3, 3), new VariableRange("w", -3, 3));

    static Subsystem fhn(double iext) {
        return Subsystem.of(FHN, List.of("V", "w"), Map.of("a", 0.7, "b", 0.8, "tau", 12.5, "Iext", iext));
    }

    @Test
    void phasePlaneShowsNullclinesFieldTrajectoryCycleAndTheUnstableNode() throws IOException {
        PhasePlane plane = new PhasePlane(fhn(0.8), RANGES, 0.01);
        Figure f = Plots.phasePlane(plane, plane.analyze(List.of(Map.of("V", -2.8, "w", -1.8)), 100, 0.01));
        assertTrue(f.series().containsAll(List.of("vector field", "dV/dt = 0", "dw/dt = 0", "unstable node")), f.series().toString());
        assertTrue(f.series().stream().anyMatch(s -> s.startsWith("limit cycle, period")), f.series().toString());
        BufferedImage png = written(f, "fhn-phase-plane", Plots.UNSTABLE, Plots.NULLCLINES[0], Plots.NULLCLINES[1],
                Plots.CYCLE, Plots.FIELD, Plots.TRAJECTORY);
        assertTrue(pixels(png, Plots.UNSTABLE) > 20, "the unstable node's marker");
        assertTrue(pixels(png, Plots.NULLCLINES[0]) > 500 && pixels(png, Plots.NULLCLINES[1]) > 500, "both nullclines");
        assertTrue(pixels(png, Plots.CYCLE) > 500, "the limit cycle");
        assertTrue(pixels(png, Plots.FIELD) > 500, "the arrows");
    }

    @Test
    void bifurcationDiagramShowsStableAndUnstableBranchesTheHopfPointAndCycles() throws IOException {
        Bifurcation b = new Bifurcation(fhn(0), RANGES, List.of(new VariableRange("Iext", 0, 1)), 0.01,
                new Bifurcation.Simulation(300, 0.05));
        Figure f = Plots.bifurcation(b, b.analyze(), "V");
        assertTrue(f.series().containsAll(List.of("stable", "unstable", "Hopf", "limit cycle max", "limit cycle min")),
                f.series().toString());
        BufferedImage png = written(f, "fhn-bifurcation", Plots.STABLE, Plots.UNSTABLE, Plots.CYCLE);
        assertTrue(pixels(png, Plots.STABLE) > 200 && pixels(png, Plots.UNSTABLE) > 200, "both kinds of branch");
    }

    @Test
    void rasterAndLinePlotsOfMonitorData() throws IOException {
        Map<String, Spikes> spikes = new LinkedHashMap<>();
        spikes.put("E", new Spikes(4, 100, 0.1, new long[] {10, 20, 30, 40}, new int[] {0, 1, 2, 3}));
        spikes.put("I", new Spikes(2, 100, 0.1, new long[0], new int[0]));
        Figure raster = Plots.raster("Spike raster", spikes);
        assertEquals(List.of("E", "I"), raster.series());
        written(raster, "raster");
        double[] t = {0, 1, 2, 3};
        Figure lines = Plots.lines("V", "V (mV)", t, new double[][] {{-70, -65}, {-60, -64}, {-50, -63}, {-70, -62}},
                List.of("V[0]", "V[1]"));
        assertEquals(List.of("V[0]", "V[1]"), lines.series());
        written(lines, "lines");
    }

    /**
     * Rates per bin by hand: 4 neurons, dt 0.1 ms; 3 spikes in [0, 5) ms, 1 in [5, 10), 2 in the
     * last, shorter bin [10, 12): 3 / (4 x 5 ms) = 150 Hz, 50 Hz, 2 / (4 x 2 ms) = 250 Hz.
     */
    @Test
    void rateHistogramBinsSpikesPerNeuronAndSecond() throws IOException {
        Spikes s = new Spikes(4, 200, 0.1, new long[] {0, 10, 49, 50, 100, 119, 120}, new int[] {0, 1, 2, 3, 0, 1, 2});
        assertArrayEquals(new double[] {150, 50, 250}, Plots.binnedRates(s, 5, 0, 12), 1e-9);
        assertArrayEquals(new double[] {100, 150}, Plots.binnedRates(s, 5, 2.5, 12.5), 1e-9, "a window that starts later: 2 and 3 spikes");
        Figure f = Plots.rateHistogram("rate", Map.of("E", s), 5, 0, Double.POSITIVE_INFINITY);
        assertEquals(List.of("E"), f.series());
        written(f, "rate-histogram");
    }

    /**
     * A raster of more spikes than {@link Plots#MAX_DOTS} draws the earliest MAX_DOTS (the title
     * says to when), so its SVG stays bounded: here 60 000 spikes over 1 s, cut at 1/3 s.
     */
    @Test
    void aRasterOfManySpikesIsCutToItsEarliestDotsAndItsSvgStaysBounded() throws IOException {
        int n = 3 * Plots.MAX_DOTS;
        long[] step = new long[n];
        int[] neuron = new int[n];
        for (int k = 0; k < n; k++) {
            step[k] = k / 6;
            neuron[k] = (k * 37) % 1000;
        }
        Figure f = Plots.raster("Spike raster", Map.of("E", new Spikes(1000, 10_001, 0.1, step, neuron)), 0, Double.POSITIVE_INFINITY);
        assertTrue(f.title().endsWith("(the first " + Plots.MAX_DOTS + " spikes, to 333.3 ms)"), f.title());
        int svg = f.svg().length;
        assertTrue(svg < 8_000_000, "SVG of " + svg + " bytes");
        Figure window = Plots.raster("Spike raster", Map.of("E", new Spikes(1000, 10_001, 0.1, step, neuron)), 100, 200);
        assertEquals("Spike raster", window.title(), "6000 spikes in the window: all drawn");
    }

    /**
     * A raster's PNG stamps its dots; XChart's own circle marker (the reference) fills a circle per
     * spike. Every pixel that either picture covers (no longer near white) has one covered within a
     * pixel in the other: each spike's dot is there, where the reference draws it, and no other.
     */
    @Test
    void everySpikesDotIsOnThePngWhereXChartsOwnCircleIs() throws IOException {
        java.util.Random random = new java.util.Random(7);
        Map<String, Spikes> spikes = new LinkedHashMap<>();
        int n = 0;
        for (String p : List.of("E", "I")) { // two colours; I's neurons stacked above E's
            int count = p.equals("E") ? 400 : 100;
            long[] step = random.longs(count, 0, 1000).toArray();
            int[] neuron = random.ints(count, 0, 200).toArray();
            spikes.put(p, new Spikes(200, 1000, 0.1, step, neuron));
            n += count;
        }
        Figure f = Plots.raster("Spike raster", spikes);
        BufferedImage stamped = ImageIO.read(new ByteArrayInputStream(f.png()));
        f.chart.getSeriesMap().values().forEach(s -> s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE));
        BufferedImage reference = org.knowm.xchart.BitmapEncoder.getBufferedImage(f.chart);
        assertTrue(covered(reference) > 10 * n, covered(reference) + " pixels covered");
        assertNear(reference, stamped, "the stamped PNG");
        assertNear(stamped, reference, "the reference");
    }

    private static boolean covered(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return Math.min(rgb >> 16 & 0xff, Math.min(rgb >> 8 & 0xff, rgb & 0xff)) < 160;
    }

    private static int covered(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += covered(image, x, y) ? 1 : 0;
            }
        }
        return n;
    }

    /** Each pixel covered in {@code a} has a covered pixel within one (rows and columns) in {@code b}. */
    private static void assertNear(BufferedImage a, BufferedImage b, String inB) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (!covered(a, x, y)) {
                    continue;
                }
                boolean near = false;
                for (int dy = -1; dy <= 1 && !near; dy++) {
                    for (int dx = -1; dx <= 1 && !near; dx++) {
                        int u = x + dx;
                        int v = y + dy;
                        near = u >= 0 && v >= 0 && u < b.getWidth() && v < b.getHeight() && covered(b, u, v);
                    }
                }
                assertTrue(near, "pixel " + x + ", " + y + " is covered, and nothing near it in " + inB);
            }
        }
    }

    /** The warm-up draws both formats of both kinds of picture and keeps nothing: a later picture is drawn as without it. */
    @Test
    void aWarmUpDrawsAndLeavesLaterPicturesAlone() throws IOException {
        Plots.warmUp();
        Map<String, Spikes> spikes = Map.of("E", new Spikes(4, 100, 0.1, new long[] {10, 20}, new int[] {0, 3}));
        Figure raster = Plots.raster("Spike raster", spikes);
        assertEquals(List.of("E"), raster.series());
        written(raster, "raster-after-warm-up");
    }

    /** Writes PNG and SVG, checks the PNG's size and that both show each of {@code colours}; returns the PNG. */
    private static BufferedImage written(Figure f, String name, Color... colours) throws IOException {
        List<Path> files = f.write(OUT.resolve(name));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(files.get(0))));
        assertEquals(Plots.WIDTH, png.getWidth());
        assertEquals(Plots.HEIGHT, png.getHeight());
        String svg = Files.readString(files.get(1), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        for (Color c : colours) {
            assertTrue(svg.contains("rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")"), "the SVG draws " + c);
            assertTrue(pixels(png, c) > 0, "the PNG shows " + c);
        }
        return png;
    }

    private static int pixels(BufferedImage image, Color color) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == (color.getRGB() & 0xffffff) ? 1 : 0;
            }
        }
        return n;
    }
}
