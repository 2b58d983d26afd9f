package org.brainj.analysis.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.util.Map;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What a chart draws, as VectorGraphics2D's commands, recorded once for both of its pictures:
 * written as SVG ({@link Svg}) and drawn into an image for the PNG ({@link Bitmap}), which is
 * then the image XChart draws when it paints the chart into one. XChart lays a chart out and walks
 * its data anew each time it paints it (its axes hash every point's coordinates, several times per
 * picture); painted once, a run's two pictures of a plot share that work. The SVG's text is laid
 * out with an image's metrics too (see {@link Recorder}), so it sits where the PNG's does.
 */
final class Recording {
    private Recording() {
    }

    /** What {@code chart} draws at its size. */
    static Iterable<Command<?>> of(Chart<?, ?> chart) {
        VectorGraphics2D g = new Recorder();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        return g.getCommands();
    }

    /**
     * A recording graphics that answers XChart's questions about its state as an image's graphics
     * does: the rendering hints in force (VectorGraphics2D answered with hints other than those
     * set, and XChart, which sets antialiasing and puts back what it found, turned it off for
     * the data) and the text metrics (VectorGraphics2D's are fractional whatever the hints: the
     * tick labels had other widths, and the plot another place, than in an image). An image's
     * graphics in the same state, whose copies ({@code create()}, a clone here) are its copies,
     * answers them.
     */
    private static final class Recorder extends VectorGraphics2D {
        private Graphics2D image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();

        @Override
        public void setRenderingHint(RenderingHints.Key key, Object value) {
            super.setRenderingHint(key, value);
            image.setRenderingHint(key, value);
        }

        @Override
        public void setRenderingHints(Map<?, ?> hints) {
            super.setRenderingHints(hints);
            image.setRenderingHints(hints);
        }

        @Override
        public void addRenderingHints(Map<?, ?> hints) {
            super.addRenderingHints(hints);
            image.addRenderingHints(hints);
        }

        /**
         * Records a stroke only when it changes, as VectorGraphics2D records a colour: XChart sets a
         * line's stroke again before each of its segments, which made half of a line plot's commands.
         */
        @Override
        public void setStroke(Stroke s) {
            if (s == null || !s.equals(getStroke())) {
                super.setStroke(s);
            }
        }

        @Override
        public Object getRenderingHint(RenderingHints.Key key) {
            return image.getRenderingHint(key);
        }

        @Override
        public RenderingHints getRenderingHints() {
            return image.getRenderingHints();
        }

        @Override
        public FontRenderContext getFontRenderContext() {
            image.setTransform(getTransform());
            return image.getFontRenderContext();
        }

        @Override
        public Object clone() throws CloneNotSupportedException {
            Recorder copy = (Recorder) super.clone();
            copy.image = (Graphics2D) image.create();
            return copy;
        }
    }
}
