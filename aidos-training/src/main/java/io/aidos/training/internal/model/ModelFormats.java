package io.aidos.training.internal.model;

import io.aidos.training.internal.djl.DjlFormat;
import io.aidos.training.internal.tribuo.TribuoFormat;

import java.util.List;
import java.util.Optional;

/** The model formats this module loads. */
public final class ModelFormats {
    private static final List<ModelFormat> ALL = List.of(new TribuoFormat(), new DjlFormat());

    private ModelFormats() {
    }

    public static Optional<ModelFormat> find(String flavor) {
        return ALL.stream().filter(f -> f.flavor().equals(flavor)).findFirst();
    }
}
