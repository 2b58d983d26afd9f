package org.brainj.analysis.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;
import de.erichseifert.vectorgraphics2d.intermediate.commands.AffineTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.CreateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DisposeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawStringCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.FillShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetBackgroundCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetClipCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetColorCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetCompositeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetFontCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetHintCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetPaintCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetStrokeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetTransformCommand;

/**
 * A chart's {@link Recording recorded} drawing drawn again into an opaque image of its size (what
 * XChart's bitmap encoder draws the chart into): each command applied to the image's graphics in
 * order, a created graphics and its disposal included, and a raster's dots (fills that {@link Dot}
 * marked) stamped as {@link Dot} stamps them when it draws into an image.
 */
final class Bitmap {
    private Bitmap() {
    }

    static BufferedImage of(Iterable<Command<?>> drawing, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Deque<Graphics2D> created = new ArrayDeque<>();
        Dot dots = new Dot();
        try {
            for (Command<?> c : drawing) {
                if (c instanceof FillShapeCommand f) {
                    if (f.getValue() instanceof Ellipse2D e && Dot.STAMPED.equals(g.getRenderingHint(Dot.STAMP))) {
                        dots.paint(g, e.getCenterX(), e.getCenterY(), (int) e.getWidth());
                    } else {
                        g.fill(f.getValue());
                    }
                } else if (c instanceof DrawShapeCommand d) {
                    g.draw(d.getValue());
                } else if (c instanceof DrawStringCommand s) {
                    g.drawString(s.getValue(), (float) s.getX(), (float) s.getY());
                } else if (c instanceof SetColorCommand s) {
                    g.setColor(s.getValue());
                } else if (c instanceof SetPaintCommand p) {
                    g.setPaint(p.getValue());
                } else if (c instanceof SetStrokeCommand s) {
                    g.setStroke(s.getValue());
                } else if (c instanceof SetFontCommand f) {
                    g.setFont(f.getValue());
                } else if (c instanceof SetCompositeCommand s) {
                    g.setComposite(s.getValue());
                } else if (c instanceof SetTransformCommand t) {
                    g.setTransform(t.getValue());
                } else if (c instanceof AffineTransformCommand t) { // translate, scale, rotate, shear, transform: relative
                    g.transform(t.getValue());
                } else if (c instanceof SetClipCommand s) {
                    g.setClip(s.getValue()); // in the user space in force, as it was given
                } else if (c instanceof SetHintCommand h) {
                    g.setRenderingHint((RenderingHints.Key) h.getKey(), h.getValue());
                } else if (c instanceof SetBackgroundCommand b) {
                    g.setBackground(b.getValue());
                } else if (c instanceof CreateCommand) {
                    created.push(g);
                    g = (Graphics2D) g.create();
                } else if (c instanceof DisposeCommand) {
                    if (!created.isEmpty()) {
                        g.dispose();
                        g = created.pop();
                    }
                } else {
                    throw new UnsupportedOperationException("a chart's bitmap is drawn from shapes, not from "
                            + c.getClass().getSimpleName() + " (images and XOR drawing)");
                }
            }
        } finally {
            g.dispose();
            created.forEach(Graphics2D::dispose);
        }
        return image;
    }
}
