package io.aidos.training.internal.tuning;

import io.aidos.api.InvalidInputException;
import io.aidos.api.ParamInfo;
import io.aidos.api.SearchSpace;
import io.aidos.api.SearchSpace.Dimension;
import io.aidos.training.internal.algorithm.Params;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A search space checked against an algorithm's parameters, and proposed values fitted to their types. */
public final class TrialParams {

    private TrialParams() {
    }

    /**
     * Checks that every dimension names a parameter of {@code algorithm}, that ranges suit its type (numbers for
     * INT and real ranges) and that both ends of a range and every choice are allowed values; else
     * {@link InvalidInputException} naming the parameter and the allowed range.
     */
    public static void check(String algorithm, List<ParamInfo> infos, SearchSpace space) {
        Map<String, ParamInfo> byName = new LinkedHashMap<>();
        infos.forEach(p -> byName.put(p.name(), p));
        for (Dimension d : space.dimensions()) {
            ParamInfo info = byName.get(d.name());
            if (info == null) {
                throw new InvalidInputException("search space parameter", d.name(), "is not a parameter of "
                        + algorithm + " (its parameters are " + byName.keySet() + ")");
            }
            boolean numeric = info.type().equals("int") || info.type().equals("double");
            if (d.kind() != SearchSpace.Kind.CHOICE && !numeric) {
                throw new InvalidInputException("search space parameter", d.name(), "is a " + info.type()
                        + " parameter of " + algorithm + ": search it with choice(...)");
            }
            List<Object> ends = d.kind() == SearchSpace.Kind.CHOICE ? d.choices()
                    : List.of(Dimensions.value(d, Dimensions.low(d)), Dimensions.value(d, Dimensions.high(d)));
            for (Object v : ends) {
                Params.validate(algorithm, infos, Map.of(d.name(), fit(info, v)));
            }
        }
    }

    /** {@code proposed} with values fitted to the parameter types (a real value of an int parameter is rounded). */
    public static Map<String, Object> fit(List<ParamInfo> infos, Map<String, Object> proposed) {
        Map<String, Object> out = new LinkedHashMap<>();
        proposed.forEach((name, value) -> {
            ParamInfo info = infos.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
            out.put(name, info == null ? value : fit(info, value));
        });
        return out;
    }

    private static Object fit(ParamInfo info, Object value) {
        if (info.type().equals("int") && value instanceof Double d) {
            return Math.round(d);
        }
        if (info.type().equals("double") && value instanceof Number n && !(value instanceof Double)) {
            return n.doubleValue();
        }
        return value;
    }

    /** {@code max_depth=4 eta=0.12}: real values to four significant digits. */
    public static String describe(Map<String, Object> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + format(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    public static String format(Object value) {
        if (value instanceof Double d && Double.isFinite(d)) {
            return new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
