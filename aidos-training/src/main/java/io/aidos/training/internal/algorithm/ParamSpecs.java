package io.aidos.training.internal.algorithm;

import io.aidos.api.ParamInfo;

import java.util.List;

/** Short factories for {@link ParamInfo}s, so algorithm catalogs read as tables. */
public final class ParamSpecs {

    private ParamSpecs() {
    }

    public static ParamInfo intParam(String name, long defaultValue, long min, long max, String description) {
        return new ParamInfo(name, "int", defaultValue, (double) min, (double) max, null, description);
    }

    public static ParamInfo doubleParam(String name, double defaultValue, double min, double max, String description) {
        return new ParamInfo(name, "double", defaultValue, min, max, null, description);
    }

    /** A whole number with no default: the algorithm derives one from the data when it is absent. */
    public static ParamInfo optionalInt(String name, long min, long max, String description) {
        return new ParamInfo(name, "int", null, (double) min, (double) max, null, description);
    }

    /** A double with no default: the algorithm derives one from the data when it is absent. */
    public static ParamInfo optionalDouble(String name, double min, double max, String description) {
        return new ParamInfo(name, "double", null, min, max, null, description);
    }

    public static ParamInfo booleanParam(String name, boolean defaultValue, String description) {
        return new ParamInfo(name, "boolean", defaultValue, null, null, null, description);
    }

    public static ParamInfo choiceParam(String name, String defaultValue, List<String> choices, String description) {
        return new ParamInfo(name, "string", defaultValue, null, null, choices, description);
    }
}
