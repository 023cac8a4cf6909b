package io.aidos.training.internal.tribuo;

import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.model.ModelDescriptor;
import io.aidos.training.internal.model.ModelFormat;
import org.tribuo.Model;

import java.io.IOException;
import java.nio.file.Path;

/** Loads {@code model.tribuo} (Tribuo's protobuf format, not Java serialization). */
public final class TribuoFormat implements ModelFormat {

    @Override
    public String flavor() {
        return TribuoModel.FLAVOR;
    }

    @Override
    public TrainedModel load(Path folder, ModelDescriptor d) throws IOException {
        Model<?> model = Model.deserializeFromFile(folder.resolve(TribuoModel.FILE));
        return new TribuoModel(model, d.task(), d.target(), d.features().featureNames());
    }
}
