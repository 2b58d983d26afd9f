package org.brainj.analysis.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * A raster's dot: XChart's filled circle, drawn cheaper in a bitmap. There each dot is a copy of
 * one circle drawn once per colour and size, with the chart's antialiasing (a stamp), placed at
 * the nearest whole pixel: a circle through the antialiasing rasteriser per spike cost as much as
 * all the rest of a run's raster. In a vector picture (SVG), or under a transform other than the
 * identity, each dot stays a circle of its own; recorded for both pictures, its circle is marked
 * with {@link #STAMP}, so that the bitmap drawn from the recording ({@link Bitmap}) stamps it.
 */
final class Dot extends Marker {
    /** A pixel of margin around the circle, so that its antialiased edge is inside the stamp. */
    private static final int MARGIN = 1;

    /** A hint that holds {@link #STAMPED} while a recorded drawing fills a dot. */
    static final RenderingHints.Key STAMP = new RenderingHints.Key(0) {
        @Override
        public boolean isCompatibleValue(Object value) {
            return value instanceof Boolean;
        }
    };
    static final Boolean STAMPED = Boolean.TRUE;

    /** By colour (ARGB) and size; one stamp per series in practice. A figure is drawn by one thread at a time. */
    private final Map<Long, BufferedImage> stamps = new HashMap<>();

    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
        if (g instanceof VectorGraphics2D) {
            g.setRenderingHint(STAMP, STAMPED);
            g.fill(circle(x, y, size));
            g.setRenderingHint(STAMP, Boolean.FALSE);
            return;
        }
        if (!g.getTransform().isIdentity()) {
            g.fill(circle(x, y, size));
            return;
        }
        BufferedImage stamp = stamps.computeIfAbsent(((long) g.getColor().getRGB() << 32) | size, k -> stamp(g, size));
        double half = size / 2.0 + MARGIN;
        g.drawImage(stamp, (int) Math.round(x - half), (int) Math.round(y - half), null);
    }

    private static Ellipse2D circle(double x, double y, int size) {
        return new Ellipse2D.Double(x - size / 2.0, y - size / 2.0, size, size);
    }

    /** The circle of {@code size} in the colour and with the rendering hints of {@code g}, on a transparent square. */
    private static BufferedImage stamp(Graphics2D g, int size) {
        BufferedImage stamp = new BufferedImage(size + 2 * MARGIN, size + 2 * MARGIN, BufferedImage.TYPE_INT_ARGB);
        Graphics2D s = stamp.createGraphics();
        try {
            s.setRenderingHints(g.getRenderingHints());
            s.setColor(g.getColor());
            s.fill(new Ellipse2D.Double(MARGIN, MARGIN, size, size));
        } finally {
            s.dispose();
        }
        return stamp;
    }
}
