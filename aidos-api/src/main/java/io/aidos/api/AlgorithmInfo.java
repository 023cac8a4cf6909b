package io.aidos.api;

import java.util.List;
import java.util.Set;

/** An algorithm a trainer offers: its tasks, the library that trains it, its parameters, and ONNX export. */
public record AlgorithmInfo(String name, Set<Task> tasks, String library, List<ParamInfo> params,
                            boolean exportsOnnx, String description) {
    public AlgorithmInfo {
        tasks = Set.copyOf(tasks);
        params = List.copyOf(params);
    }
}
