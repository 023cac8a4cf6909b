package io.aidos.serving.internal.predictor.torchscript;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import io.aidos.api.AiDosException;
import io.aidos.api.BackendUnavailableException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelVersion;
import io.aidos.api.Predictor;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.spi.PredictorProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The {@link PredictorProvider} for flavor {@code torchscript}: the one {@code .pt} / {@code .torchscript} file in the
 * model's folder, loaded on the CPU by DJL's PyTorch engine, with the folder's {@code signature.json} if it has one.
 */
public final class TorchScriptProvider implements PredictorProvider {
    static final String FLAVOR = "torchscript";

    @Override
    public String name() {
        return "torchscript";
    }

    @Override
    public boolean supports(String flavor) {
        return FLAVOR.equalsIgnoreCase(flavor);
    }

    @Override
    public Predictor load(String flavor, Path directory, Path cacheFolder, ModelVersion version) {
        Path file = modelFile(directory, version);
        ModelSignature signature = SignatureFile.read(directory);
        try {
            TorchEngine.start(cacheFolder);
        } catch (EngineException | UnsatisfiedLinkError e) {
            throw new BackendUnavailableException("the PyTorch engine could not start for TorchScript model "
                    + version.modelName() + ": " + e.getMessage() + "; the class path needs ai.djl.pytorch:pytorch-jni"
                    + " and pytorch-native-cpu", e);
        }
        Model model = Model.newInstance(version.modelName(), Device.cpu(), TorchEngine.NAME);
        try {
            model.load(file);
        } catch (IOException | MalformedModelException | EngineException e) {
            model.close();
            throw new AiDosException("could not load TorchScript model " + version.modelName() + " version "
                    + version.version() + " from " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return new TorchScriptPredictor(version, signature, SignatureFile.present(directory), model);
    }

    /** The single TorchScript file in {@code directory}. */
    static Path modelFile(Path directory, ModelVersion version) {
        List<Path> found;
        try (Stream<Path> files = Files.list(directory)) {
            found = files.filter(Files::isRegularFile).filter(TorchScriptProvider::isTorchScript).sorted().toList();
        } catch (IOException e) {
            throw new AiDosException("could not list the files of model " + version.modelName() + " in "
                    + directory + ": " + e.getMessage(), e);
        }
        if (found.size() != 1) {
            throw new InvalidInputException("model " + version.modelName() + " version " + version.version(),
                    found.stream().map(p -> p.getFileName().toString()).toList(),
                    "must hold exactly one TorchScript file (.pt or .torchscript)");
        }
        return found.get(0);
    }

    private static boolean isTorchScript(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pt") || name.endsWith(".torchscript");
    }
}
