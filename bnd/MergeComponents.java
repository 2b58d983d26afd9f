import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Merges the component descriptions bnd wrote into a bundle's classes folder (OSGI-INF/*.xml, one per component) into
 * one file, OSGI-INF/merged/components.xml, and makes the manifest's Service-Component header name it alone. SCR reads
 * every description file with a parser of its own: the connectors' 23 files cost the platform's start ~40 ms of CPU
 * before a run's first step (issue 11); bnd has no option to write one. SCR takes component elements under any root
 * element. The jar leaves the single files out (the parent pom's bundle profile); the classes folder keeps them for
 * the tests that read them. Run by the build with Java's source launcher: java bnd/MergeComponents.java CLASSES_DIR
 */
public final class MergeComponents {
    static final String MERGED = "OSGI-INF/merged/components.xml";

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: java MergeComponents.java CLASSES_DIR");
        }
        Path classes = Path.of(args[0]);
        Path dir = classes.resolve("OSGI-INF");
        if (!Files.isDirectory(dir)) {
            return; // no components
        }
        List<Path> descriptions;
        try (Stream<Path> files = Files.list(dir)) {
            descriptions = files.filter(f -> f.getFileName().toString().endsWith(".xml") && Files.isRegularFile(f)).sorted().toList();
        }
        if (descriptions.isEmpty()) {
            return;
        }
        StringBuilder merged = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<components>\n");
        for (Path description : descriptions) {
            String text = Files.readString(description, StandardCharsets.UTF_8).strip();
            if (text.startsWith("<?xml")) {
                text = text.substring(text.indexOf("?>") + 2).strip();
            }
            merged.append(text).append('\n');
        }
        merged.append("</components>\n");
        Path target = classes.resolve(MERGED);
        Files.createDirectories(target.getParent());
        Files.writeString(target, merged, StandardCharsets.UTF_8);

        Path manifestFile = classes.resolve("META-INF/MANIFEST.MF");
        Manifest manifest;
        try (InputStream in = Files.newInputStream(manifestFile)) {
            manifest = new Manifest(in);
        }
        manifest.getMainAttributes().putValue("Service-Component", MERGED);
        try (OutputStream out = Files.newOutputStream(manifestFile)) {
            manifest.write(out);
        }
    }
}
