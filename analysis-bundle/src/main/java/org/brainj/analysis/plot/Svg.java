package org.brainj.analysis.plot;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
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
 * A chart as SVG text, written straight from what it drew into a {@link VectorGraphics2D}.
 * VectorGraphics2D's own SVG writer builds a DOM of the picture, formats every coordinate with a
 * {@link java.text.DecimalFormat} and serialises the DOM through javax.xml: for a run's raster
 * (20 000 dots) and state plot (40 000 points) that was most of the time {@code brainj run} spent on
 * its pictures. Here each shape is one element in device coordinates (a translation is folded into
 * them; any other transform is written as the element's own), in the colour, stroke and opacity in
 * force when it was drawn; a clip opens a group clipped to it. Coordinates keep three decimals, a
 * thousandth of a pixel.
 */
final class Svg {
    private static final FontRenderContext TEXT = new FontRenderContext(null, true, true);

    /** The graphics state that the drawing commands change; a created child starts from a copy of its parent's. */
    private static final class State {
        Color color;
        Stroke stroke;
        Font font;
        AffineTransform transform;
        /** In device coordinates (the transform in force when it was set applied); null: none. */
        Shape clip;
        /** The composite's extra alpha, 0 to 1. */
        float alpha = 1;

        State copy() {
            State s = new State();
            s.color = color;
            s.stroke = stroke;
            s.font = font;
            s.transform = new AffineTransform(transform);
            s.clip = clip;
            s.alpha = alpha;
            return s;
        }
    }

    private final StringBuilder out = new StringBuilder(1 << 16);
    private final double[] segment = new double[6];
    private final Deque<State> saved = new ArrayDeque<>();
    private State state = new State();
    /** The clip of the group open now (null: no group), and how many clip paths were defined. */
    private Shape groupClip;
    private int clips;
    /** The attributes last written by {@link #paint}, and what they were written from. */
    private String painted;
    private Attributes paintedFor;

    private Svg() {
    }

    /** The SVG file's bytes (UTF-8) of a {@link Recording recorded} drawing of {@code width} x {@code height} pixels. */
    static byte[] of(Iterable<Command<?>> drawing, int width, int height) {
        VectorGraphics2D g = new VectorGraphics2D(); // its state before any drawing: the recording's start
        Svg svg = new Svg();
        svg.state.color = g.getColor();
        svg.state.stroke = g.getStroke();
        svg.state.font = g.getFont();
        svg.state.transform = g.getTransform();
        return svg.write(drawing, width, height).getBytes(StandardCharsets.UTF_8);
    }

    private String write(Iterable<Command<?>> commands, int width, int height) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
                .append("px\" height=\"").append(height).append("px\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\">\n");
        for (Command<?> c : commands) {
            apply(c);
        }
        if (groupClip != null) {
            out.append("</g>\n");
        }
        return out.append("</svg>\n").toString();
    }

    private void apply(Command<?> c) {
        if (c instanceof FillShapeCommand f) {
            shape(f.getValue(), true);
        } else if (c instanceof DrawShapeCommand d) {
            if (state.stroke instanceof BasicStroke) {
                shape(d.getValue(), false);
            } else {
                shape(state.stroke.createStrokedShape(d.getValue()), true); // a stroke SVG cannot name: its outline
            }
        } else if (c instanceof DrawStringCommand s) {
            // as outlines, like the rest of the chart's text: the picture needs no fonts where it is viewed
            shape(state.font.createGlyphVector(TEXT, s.getValue()).getOutline((float) s.getX(), (float) s.getY()), true);
        } else if (c instanceof SetColorCommand s) {
            state.color = s.getValue();
        } else if (c instanceof SetPaintCommand p) {
            state.color = color(p.getValue());
        } else if (c instanceof SetStrokeCommand s) {
            state.stroke = s.getValue();
        } else if (c instanceof SetFontCommand f) {
            state.font = f.getValue();
        } else if (c instanceof SetCompositeCommand s) {
            state.alpha = alpha(s.getValue());
        } else if (c instanceof SetTransformCommand t) {
            state.transform = new AffineTransform(t.getValue());
        } else if (c instanceof AffineTransformCommand t) { // translate, scale, rotate, shear, transform: relative
            state.transform.concatenate(t.getValue());
        } else if (c instanceof SetClipCommand s) {
            state.clip = device(s.getValue());
        } else if (c instanceof CreateCommand) {
            saved.push(state);
            state = state.copy();
        } else if (c instanceof DisposeCommand) {
            if (!saved.isEmpty()) {
                state = saved.pop();
            }
        } else if (!(c instanceof SetHintCommand || c instanceof SetBackgroundCommand)) {
            // hints do not change an SVG, the background only clearRect, which VectorGraphics2D draws as a fill
            throw new UnsupportedOperationException("an SVG picture cannot hold " + c.getClass().getSimpleName()
                    + " (images and XOR drawing); draw the chart as PNG");
        }
    }

    private static Color color(Paint paint) {
        if (paint instanceof Color c) {
            return c;
        }
        throw new UnsupportedOperationException("an SVG picture is drawn in plain colours, not " + paint.getClass().getSimpleName());
    }

    private static float alpha(Composite composite) {
        if (composite instanceof AlphaComposite a && a.getRule() == AlphaComposite.SRC_OVER) {
            return a.getAlpha();
        }
        throw new UnsupportedOperationException("an SVG picture is drawn over what is below it, not with " + composite);
    }

    /** A clip given in the user space in force, in device coordinates; rectangles stay rectangles under a translation. */
    private Shape device(Shape clip) {
        if (clip == null) {
            return null;
        }
        AffineTransform t = state.transform;
        if (clip instanceof Rectangle2D r && translationOnly(t)) {
            return new Rectangle2D.Double(r.getX() + t.getTranslateX(), r.getY() + t.getTranslateY(), r.getWidth(), r.getHeight());
        }
        return t.createTransformedShape(clip);
    }

    private static boolean translationOnly(AffineTransform t) {
        return (t.getType() & ~AffineTransform.TYPE_TRANSLATION) == 0;
    }

    private void shape(Shape shape, boolean fill) {
        clipTo(state.clip);
        AffineTransform t = state.transform;
        boolean translation = translationOnly(t);
        if (translation && shape instanceof Ellipse2D e && e.getWidth() == e.getHeight()) {
            // a marker: far shorter as a circle than as its four Bézier arcs
            out.append("<circle cx=\"");
            number(e.getCenterX() + t.getTranslateX());
            out.append("\" cy=\"");
            number(e.getCenterY() + t.getTranslateY());
            out.append("\" r=\"");
            number(e.getWidth() / 2);
            out.append('"');
            paint(fill, PathIterator.WIND_NON_ZERO);
            out.append("/>\n");
            return;
        }
        out.append("<path d=\"");
        PathIterator it = shape.getPathIterator(translation ? t : null);
        int winding = it.getWindingRule();
        path(it);
        out.append('"');
        if (!translation) {
            out.append(" transform=\"matrix(");
            double[] m = new double[6];
            t.getMatrix(m);
            for (int k = 0; k < 6; k++) {
                if (k > 0) {
                    out.append(' ');
                }
                out.append(m[k]); // exact: a rotated axis title's few elements
            }
            out.append(")\"");
        }
        paint(fill, winding);
        out.append("/>\n");
    }

    private void path(PathIterator it) {
        double[] p = segment;
        for (; !it.isDone(); it.next()) {
            int type = it.currentSegment(p);
            switch (type) {
                case PathIterator.SEG_MOVETO -> points('M', p, 1);
                case PathIterator.SEG_LINETO -> points('L', p, 1);
                case PathIterator.SEG_QUADTO -> points('Q', p, 2);
                case PathIterator.SEG_CUBICTO -> points('C', p, 3);
                default -> out.append('Z');
            }
        }
    }

    private void points(char command, double[] p, int count) {
        out.append(command);
        for (int k = 0; k < count; k++) {
            if (k > 0) {
                out.append(' ');
            }
            number(p[2 * k]);
            out.append(',');
            number(p[2 * k + 1]);
        }
    }

    /**
     * Fill or stroke attributes, as {@link #attributes} writes them: the text of the last element's
     * state again when the next element is drawn in the same state, as a line plot's thousands of
     * segments are (XChart draws each segment of a line as a shape of its own).
     */
    private void paint(boolean fill, int winding) {
        Attributes paint = new Attributes(state.color, state.alpha, fill ? null : (BasicStroke) state.stroke, winding);
        if (!paint.equals(paintedFor)) {
            painted = attributes(paint.color(), paint.alpha(), paint.stroke(), winding);
            paintedFor = paint;
        }
        out.append(painted);
    }

    /** What an element's fill or stroke attributes are written from; a fill has no stroke. */
    private record Attributes(Color color, float alpha, BasicStroke stroke, int winding) {
    }

    /** Fill (no stroke) or stroke attributes: colour, opacity, and the stroke's width, ends, joins and dashes. */
    private static String attributes(Color c, float alpha, BasicStroke s, int winding) {
        StringBuilder out = new StringBuilder(128);
        float opacity = alpha * c.getAlpha() / 255f;
        String rgb = "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
        if (s == null) {
            out.append(" fill=\"").append(rgb).append('"');
            if (opacity < 1) {
                out.append(" fill-opacity=\"");
                number(out, opacity);
                out.append('"');
            }
            if (winding == PathIterator.WIND_EVEN_ODD) {
                out.append(" fill-rule=\"evenodd\"");
            }
            return out.toString();
        }
        out.append(" fill=\"none\" stroke=\"").append(rgb).append('"');
        if (opacity < 1) {
            out.append(" stroke-opacity=\"");
            number(out, opacity);
            out.append('"');
        }
        out.append(" stroke-width=\"");
        number(out, s.getLineWidth());
        out.append('"');
        if (s.getEndCap() != BasicStroke.CAP_BUTT) {
            out.append(" stroke-linecap=\"").append(s.getEndCap() == BasicStroke.CAP_ROUND ? "round" : "square").append('"');
        }
        if (s.getLineJoin() != BasicStroke.JOIN_MITER) {
            out.append(" stroke-linejoin=\"").append(s.getLineJoin() == BasicStroke.JOIN_ROUND ? "round" : "bevel").append('"');
        } else {
            out.append(" stroke-miterlimit=\"");
            number(out, s.getMiterLimit());
            out.append('"');
        }
        float[] dash = s.getDashArray();
        if (dash != null) {
            out.append(" stroke-dasharray=\"");
            for (int k = 0; k < dash.length; k++) {
                if (k > 0) {
                    out.append(',');
                }
                number(out, dash[k]);
            }
            out.append('"');
            if (s.getDashPhase() != 0) {
                out.append(" stroke-dashoffset=\"");
                number(out, s.getDashPhase());
                out.append('"');
            }
        }
        return out.toString();
    }

    /** Closes the open group when the clip changed, and opens one clipped to {@code clip} (a clip path defined just before). */
    private void clipTo(Shape clip) {
        if (Objects.equals(clip, groupClip)) {
            return;
        }
        if (groupClip != null) {
            out.append("</g>\n");
        }
        groupClip = clip;
        if (clip == null) {
            return;
        }
        String id = "clip" + ++clips;
        out.append("<clipPath id=\"").append(id).append("\"><path d=\"");
        path(clip.getPathIterator(null));
        out.append("\"/></clipPath>\n<g clip-path=\"url(#").append(id).append(")\">\n");
    }

    private void number(double v) {
        number(out, v);
    }

    /** {@code v} to three decimals (halves away from zero), without trailing zeros: a thousandth of a pixel. */
    static void number(StringBuilder out, double v) {
        long scaled = Math.round(Math.abs(v) * 1000);
        if (v < 0 && scaled != 0) {
            out.append('-');
        }
        out.append(scaled / 1000);
        int fraction = (int) (scaled % 1000);
        if (fraction == 0) {
            return;
        }
        int digits = 3;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        out.append('.');
        for (int limit = digits == 3 ? 100 : digits == 2 ? 10 : 1; fraction < limit; limit /= 10) {
            out.append('0'); // the zeros after the point, e.g. 0.05
        }
        out.append(fraction);
    }
}
