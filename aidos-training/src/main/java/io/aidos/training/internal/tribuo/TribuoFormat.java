package io.aidos.training.internal.tribuo;

import io.aidos.api.AiDosException;
import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.model.ModelDescriptor;
import io.aidos.training.internal.model.ModelFormat;
import org.tribuo.Model;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads {@code model.tribuo} (Tribuo's protobuf format) or, for tree models, {@code model.tribuo.ser} (Java
 * serialization) through an allow-list of Tribuo, OLCUT and JDK classes, so a tampered file cannot instantiate
 * anything else.
 */
public final class TribuoFormat implements ModelFormat {
    static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;org.tribuo.**;com.oracle.labs.mlrg.olcut.**;java.lang.*;java.util.*;java.time.*;"
                    + "java.net.URL;java.io.File;[*;!*");

    @Override
    public String flavor() {
        return TribuoModel.FLAVOR;
    }

    @Override
    public TrainedModel load(Path folder, Path cacheFolder, ModelDescriptor d) throws IOException {
        Path serialized = folder.resolve(TribuoModel.SERIALIZED_FILE);
        Model<?> model = Files.isRegularFile(serialized) ? readSerialized(serialized)
                : Model.deserializeFromFile(folder.resolve(TribuoModel.FILE));
        return new TribuoModel(model, d.task(), d.target(), d.features().featureNames());
    }

    private static Model<?> readSerialized(Path file) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file),
                1 << 16))) {
            in.setObjectInputFilter(ALLOWED);
            return (Model<?>) in.readObject();
        } catch (ClassNotFoundException | ClassCastException | java.io.InvalidClassException e) {
            throw new AiDosException("model file " + file + " is not a Tribuo model this version can read: "
                    + e.getMessage(), e);
        }
    }
}
