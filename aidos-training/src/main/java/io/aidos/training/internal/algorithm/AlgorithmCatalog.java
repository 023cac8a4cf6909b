package io.aidos.training.internal.algorithm;

import io.aidos.api.AlgorithmInfo;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Task;
import io.aidos.training.internal.djl.DjlAlgorithms;
import io.aidos.training.internal.tribuo.TribuoAlgorithms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every algorithm this module trains, by name. */
public final class AlgorithmCatalog {
    private static final AlgorithmCatalog STANDARD = new AlgorithmCatalog(standardAlgorithms());

    private final Map<String, Algorithm> byName = new LinkedHashMap<>();

    public AlgorithmCatalog(List<Algorithm> algorithms) {
        for (Algorithm a : algorithms) {
            if (byName.putIfAbsent(a.name(), a) != null) {
                throw new IllegalStateException("two algorithms named " + a.name());
            }
        }
    }

    public static AlgorithmCatalog standard() {
        return STANDARD;
    }

    private static List<Algorithm> standardAlgorithms() {
        List<Algorithm> all = new ArrayList<>(TribuoAlgorithms.all());
        all.addAll(DjlAlgorithms.all());
        return all;
    }

    public List<AlgorithmInfo> infos() {
        return byName.values().stream().map(Algorithm::info).toList();
    }

    /** The algorithm for {@code name} and {@code task}, or {@link InvalidInputException} listing the choices. */
    public Algorithm get(String name, Task task) {
        Algorithm a = byName.get(name);
        if (a == null) {
            throw new InvalidInputException("algorithm", name, "is not known (choose one of " + byName.keySet() + ")");
        }
        if (!a.info().tasks().contains(task)) {
            throw new InvalidInputException("algorithm", name, "does not do " + task + " (it does "
                    + a.info().tasks() + "; for " + task + " use one of " + namesFor(task) + ")");
        }
        return a;
    }

    public List<String> namesFor(Task task) {
        return byName.values().stream().filter(a -> a.info().tasks().contains(task)).map(Algorithm::name).toList();
    }
}
