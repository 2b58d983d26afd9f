package org.brainj.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.brainj.analysis.PhasePlane;
import org.brainj.analysis.measure.Spikes;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;

/**
 * A figure's PNG, drawn from the recording its SVG is written from, is pixel for pixel the image
 * XChart draws when it paints the chart straight into one (its bitmap encoder's image): text,
 * axes and ticks in the same places, the same antialiasing, a raster's dots stamped where they
 * are stamped there.
 */
class BitmapTest {
    @Test
    void linePlotRasterHistogramAndPhasePlaneAreTheImagesXChartDraws() throws IOException {
        Map<String, Spikes> two = new LinkedHashMap<>();
        two.put("E", new Spikes(300, 2000, 0.1, new java.util.Random(3).longs(900, 0, 2000).toArray(),
                new java.util.Random(4).ints(900, 0, 300).toArray()));
        two.put("I", new Spikes(100, 2000, 0.1, new long[] {5, 50, 500, 1999}, new int[] {0, 99, 50, 7}));
        PhasePlane plane = new PhasePlane(PlotsTest.fhn(0.8), PlotsTest.RANGES, 0.01);
        List<Figure> figures = List.of(SvgTest.lines(), SvgTest.raster(), Plots.raster("Spike raster", two),
                Plots.rateHistogram("rate", two, 5, 0, 200),
                Plots.phasePlane(plane, plane.analyze(List.of(Map.of("V", -2.8, "w", -1.8)), 100, 0.01)));
        for (Figure f : figures) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(f.png()));
            BufferedImage reference = BitmapEncoder.getBufferedImage(f.chart);
            assertEquals(0, differing(png, reference), "pixels of '" + f.title() + "' that differ from XChart's own image");
        }
    }

    /** The reference is no blank page that anything would match: it shows the plot's lines and dots. */
    @Test
    void theComparisonSeesADotMovedByOnePixel() throws IOException {
        Figure f = Plots.raster("one spike", Map.of("E", new Spikes(10, 100, 0.1, new long[] {50}, new int[] {5})));
        Figure moved = Plots.raster("one spike", Map.of("E", new Spikes(10, 100, 0.1, new long[] {51}, new int[] {5})));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(f.png()));
        assertEquals(0, differing(png, BitmapEncoder.getBufferedImage(f.chart)));
        assertTrue(differing(png, BitmapEncoder.getBufferedImage(moved.chart)) > 0, "a spike a step later is seen");
    }

    private static int differing(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n += (a.getRGB(x, y) & 0xffffff) == (b.getRGB(x, y) & 0xffffff) ? 0 : 1;
            }
        }
        return n;
    }
}
