package org.brainj.analysis.plot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.brainj.analysis.AnalysisException;
import javax.imageio.ImageIO;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import org.knowm.xchart.XYChart;

/** A drawn chart, encoded on demand as PNG or SVG. */
public final class Figure {
    final XYChart chart; // package-private: the SVG test draws it through the reference writer too
    /** What the chart drew, recorded on first use for both pictures ({@link Recording}); a figure is drawn by one thread at a time. */
    private Iterable<Command<?>> drawing;

    Figure(XYChart chart) {
        this.chart = chart;
    }

    public String title() {
        return chart.getTitle();
    }

    /** The names of the series drawn, in the legend's order. */
    public List<String> series() {
        return List.copyOf(chart.getSeriesMap().keySet());
    }

    public int width() {
        return chart.getWidth();
    }

    public int height() {
        return chart.getHeight();
    }

    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(Bitmap.of(drawing(), width(), height()), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw '" + title() + "' as PNG", e);
        }
        return out.toByteArray();
    }

    public byte[] svg() {
        return Svg.of(drawing(), width(), height());
    }

    private Iterable<Command<?>> drawing() {
        if (drawing == null) {
            drawing = Recording.of(chart);
        }
        return drawing;
    }

    /**
     * Writes {@code base.png} and {@code base.svg} (each through a temporary file, so a reader
     * never sees half a picture) and returns the two paths.
     */
    public List<Path> write(Path base) {
        Path png = base.resolveSibling(base.getFileName() + ".png");
        Path svg = base.resolveSibling(base.getFileName() + ".svg");
        writeFile(png, png());
        writeFile(svg, svg());
        return List.of(png, svg);
    }

    /** Writes a file through a temporary one beside it, so a reader never sees half of it. */
    public static void writeFile(Path file, byte[] bytes) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AnalysisException("cannot write " + file + " (" + e.getMessage() + "); give a writable folder");
        }
    }
}
