package org.brainj.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.brainj.analysis.measure.Spikes;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.w3c.dom.Document;

/**
 * The SVG written straight from a chart's drawing commands holds what VectorGraphics2D's own SVG
 * writer (the reference: XChart's encoder) writes for the same chart, element for element per
 * colour; it is well-formed XML of the chart's size; and its dots sit where Java2D's PNG of the
 * same chart has them.
 */
class SvgTest {
    private static final Pattern RGB = Pattern.compile("rgb\\(\\d+,\\d+,\\d+\\)");
    private static final Pattern CIRCLE = Pattern.compile("<circle cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\"");

    static Figure raster() {
        int n = 3000;
        long[] step = new long[n];
        int[] neuron = new int[n];
        for (int k = 0; k < n; k++) {
            step[k] = (k * 7L) % 1000;
            neuron[k] = (k * 37) % 400;
        }
        return Plots.raster("Spike raster", Map.of("E", new Spikes(400, 1000, 0.1, step, neuron)));
    }

    static Figure lines() {
        double[] t = new double[2000];
        double[][] v = new double[t.length][3];
        for (int r = 0; r < t.length; r++) {
            t[r] = 0.1 * r;
            for (int c = 0; c < 3; c++) {
                v[r][c] = -65 + 10 * Math.sin(0.01 * r * (c + 1));
            }
        }
        return Plots.lines("V", "V (mV)", t, v, List.of("neuron 0", "neuron 1", "neuron 2"));
    }

    @Test
    void everyColourIsDrawnAsOftenAsVectorGraphics2DsOwnWriterDrawsIt() throws Exception {
        for (Figure f : List.of(raster(), lines())) {
            assertEquals(colours(reference(f)), colours(new String(f.svg(), StandardCharsets.UTF_8)), f.title());
        }
    }

    @Test
    void isWellFormedXmlOfTheChartsSize() throws Exception {
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(lines().svg()));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals("0 0 " + Plots.WIDTH + " " + Plots.HEIGHT, svg.getDocumentElement().getAttribute("viewBox"));
    }

    @Test
    void theRastersDotsAreWhereThePngHasThem() throws IOException {
        Figure f = raster();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(f.png()));
        Matcher m = CIRCLE.matcher(new String(f.svg(), StandardCharsets.UTF_8));
        int dots = 0;
        while (m.find()) {
            int x = (int) Double.parseDouble(m.group(1));
            int y = (int) Double.parseDouble(m.group(2));
            assertTrue((png.getRGB(x, y) & 0xffffff) != 0xffffff, "a dot at " + x + ", " + y + " on the PNG");
            dots++;
        }
        assertTrue(dots >= 3000, dots + " dots"); // the spikes and the legend's marker
    }

    /** Against the exact decimal of the double, rounded half away from zero; never "-0". */
    @Test
    void numbersKeepThreeDecimalsWithoutTrailingZeros() {
        for (double v : new double[] {0, 2, -1.5, 0.05, 0.0004, -0.0004, 12.3456, 0.001, 123456.789, -7.609375, 0.0625, -0.0625, 999.9996}) {
            StringBuilder out = new StringBuilder();
            Svg.number(out, v);
            String expected = new BigDecimal(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            assertEquals(expected.equals("-0") ? "0" : expected, out.toString(), "of " + v);
        }
    }

    private static String reference(Figure f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(f.chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** How many times each colour occurs: once per element painted in it. */
    private static Map<String, Integer> colours(String svg) {
        Map<String, Integer> n = new TreeMap<>();
        Matcher m = RGB.matcher(svg);
        while (m.find()) {
            n.merge(m.group(), 1, Integer::sum);
        }
        return n;
    }
}
