package io.aidos.spi;

import io.aidos.api.AiDos;
import io.aidos.api.BackendUnavailableException;
import io.aidos.api.Deployer;
import io.aidos.api.Trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/** Finds the optional modules (training, serving, predictors) with ServiceLoader, naming the artifact to add when absent. */
public final class Extensions {

    private Extensions() {
    }

    /** Opens training for {@code aidos}, or {@link BackendUnavailableException} naming {@code io.aidos:aidos-training}. */
    public static Trainer trainer(AiDos aidos) {
        List<String> seen = new ArrayList<>();
        for (TrainerProvider provider : ServiceLoader.load(TrainerProvider.class, classLoader())) {
            if (provider.supports(aidos)) {
                return provider.open(aidos);
            }
            seen.add(provider.name());
        }
        throw new BackendUnavailableException("training is not on the class path for " + aidos.uri()
                + "; add the Maven artifact io.aidos:aidos-training (trainers found: " + seen + ")");
    }

    /** Opens deployments for {@code aidos}, or {@link BackendUnavailableException} naming {@code io.aidos:aidos-serving}. */
    public static Deployer deployer(AiDos aidos) {
        List<String> seen = new ArrayList<>();
        for (DeployerProvider provider : ServiceLoader.load(DeployerProvider.class, classLoader())) {
            if (provider.supports(aidos)) {
                return provider.open(aidos);
            }
            seen.add(provider.name());
        }
        throw new BackendUnavailableException("serving is not on the class path for " + aidos.uri()
                + "; add the Maven artifact io.aidos:aidos-serving (deployers found: " + seen + ")");
    }

    /** The provider for model format {@code flavor}, or {@link BackendUnavailableException} naming its artifact. */
    public static PredictorProvider predictors(String flavor) {
        List<String> seen = new ArrayList<>();
        for (PredictorProvider provider : ServiceLoader.load(PredictorProvider.class, classLoader())) {
            if (provider.supports(flavor)) {
                return provider;
            }
            seen.add(provider.name());
        }
        String artifact = switch (flavor.toLowerCase(Locale.ROOT)) {
            case "tribuo", "djl" -> "io.aidos:aidos-training";
            default -> "io.aidos:aidos-serving";
        };
        throw new BackendUnavailableException("no predictor for models of format '" + flavor + "' on the class path;"
                + " add the Maven artifact " + artifact + " (predictors found: " + seen + ")");
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Extensions.class.getClassLoader();
    }
}
