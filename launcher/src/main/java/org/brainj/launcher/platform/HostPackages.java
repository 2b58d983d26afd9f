package org.brainj.launcher.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.measure.Quantity;
import org.brainj.api.BrainJException;
import tech.units.indriya.AbstractUnit;
import tech.uom.lib.common.function.Converter;

/**
 * The packages the host (the launcher's own classpath) exports into the framework: the API and
 * the unit libraries its signatures carry. Bundles must use the very classes the launcher uses, or
 * a Backend handed out of the framework is no Backend here (ClassCastException) and a Quantity
 * crossing the API breaks a loader constraint; so these jars are never installed as bundles.
 *
 * <p>The list is read at run time from each jar's own {@code Export-Package} header, versions and
 * {@code uses} included, so it cannot go stale when the API grows a package.
 */
final class HostPackages {
    /** One class from each jar whose packages the host shares. */
    private static final List<Class<?>> SHARED = List.of(
            BrainJException.class, Quantity.class, AbstractUnit.class, Converter.class);

    private static final Pattern PACKAGE_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    private HostPackages() {
    }

    /** The value for {@code org.osgi.framework.system.packages.extra}. */
    static String systemPackagesExtra() {
        return SHARED.stream().flatMap(c -> exportedClauses(c).stream()).collect(Collectors.joining(","));
    }

    private static List<String> exportedClauses(Class<?> member) {
        Path jar = codeSource(member);
        String header = readManifest(jar).getMainAttributes().getValue("Export-Package");
        if (header == null) {
            throw new IllegalStateException(jar + " (holding " + member.getName()
                    + ") has no Export-Package header, so its packages cannot be shared with the bundles");
        }
        return packageClauses(header);
    }

    /**
     * The clauses of an {@code Export-Package} header that export Java packages. Multi-release jars
     * built by some tools also "export" {@code META-INF.versions.N...} folders, which are no packages.
     */
    static List<String> packageClauses(String header) {
        return clauses(header).stream().filter(HostPackages::exportsPackages).toList();
    }

    /** The header split at the commas that are not inside quotes. */
    static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(clause.toString().trim());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        clauses.add(clause.toString().trim());
        return clauses.stream().filter(s -> !s.isEmpty()).toList();
    }

    private static boolean exportsPackages(String clause) {
        // the names come before the first attribute (k=v) or directive (k:=v)
        for (String part : clause.split(";")) {
            String name = part.trim();
            if (name.contains("=")) {
                break;
            }
            if (!PACKAGE_NAME.matcher(name).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Path codeSource(Class<?> member) {
        try {
            return Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell which jar holds " + member.getName(), e);
        }
    }

    private static Manifest readManifest(Path jarOrFolder) {
        try {
            if (Files.isDirectory(jarOrFolder)) { // a reactor build before packaging: target/classes
                try (InputStream in = Files.newInputStream(jarOrFolder.resolve(JarFile.MANIFEST_NAME))) {
                    return new Manifest(in);
                }
            }
            try (JarFile jar = new JarFile(jarOrFolder.toFile())) {
                Manifest manifest = jar.getManifest();
                if (manifest == null) {
                    throw new IllegalStateException(jarOrFolder + " has no manifest");
                }
                return manifest;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the manifest of " + jarOrFolder, e);
        }
    }
}
