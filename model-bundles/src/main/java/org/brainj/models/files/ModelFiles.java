package org.brainj.models.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The models of a set of model files, each file's model and its aliases. A set is one bundle's
 * folder (see {@link ModelFileExtender}) or the catalog's own folder on a plain classpath.
 */
public final class ModelFiles {
    /** The extension of model files. */
    public static final String EXTENSION = ".model";

    private ModelFiles() {
    }

    /**
     * The models of {@code files} (name as messages give it, to text); a name given twice is refused.
     * A file at fault is given to {@code onFault} and left out.
     */
    public static List<FileModel> models(Map<String, String> files, Consumer<ModelFileException> onFault) {
        Map<String, FileModel> byName = new LinkedHashMap<>();
        files.forEach((origin, text) -> {
            try {
                add(origin, text, byName);
            } catch (ModelFileException e) {
                onFault.accept(e);
            }
        });
        return List.copyOf(byName.values());
    }

    private static void add(String origin, String text, Map<String, FileModel> byName) {
            ModelFile file = ModelFile.parse(origin, text);
            FileModel model = new FileModel(file);
            List<FileModel> all = new ArrayList<>();
            all.add(model);
            file.aliases().forEach(a -> all.add(model.alias(a)));
            for (FileModel m : all) {
                FileModel before = byName.putIfAbsent(m.name(), m);
                if (before != null) {
                    throw new ModelFileException(origin, 1, "model '" + m.name() + "' is defined in "
                            + before.file().origin() + " already; give it another name", null);
                }
            }
    }
}
