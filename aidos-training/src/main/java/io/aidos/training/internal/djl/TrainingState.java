package io.aidos.training.internal.djl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything a resumed run needs to continue exactly: the network's parameters and the SGD momentum buffers
 * (the only optimizer state), as bytes. A checkpoint folder holds them with the network's {@link NetShape}.
 */
record TrainingState(byte[] parameters, byte[] momentum) {
    static final String PARAMETERS = "parameters.djl";
    static final String MOMENTUM = "momentum.ndlist";

    void write(Path folder, NetShape shape) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve(PARAMETERS), parameters);
        Files.write(folder.resolve(MOMENTUM), momentum);
        shape.write(folder);
    }

    /** Reads a checkpoint; it must have been written for {@code expected}. */
    static TrainingState read(Path folder, NetShape expected) throws IOException {
        NetShape stored = NetShape.read(folder);
        if (!stored.equals(expected)) {
            throw new IllegalStateException("checkpoint " + folder + " is for network " + stored
                    + ", not this run's " + expected);
        }
        return new TrainingState(Files.readAllBytes(folder.resolve(PARAMETERS)),
                Files.readAllBytes(folder.resolve(MOMENTUM)));
    }
}
