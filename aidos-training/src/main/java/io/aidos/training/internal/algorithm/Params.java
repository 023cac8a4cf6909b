package io.aidos.training.internal.algorithm;

import io.aidos.api.InvalidInputException;
import io.aidos.api.ParamInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An algorithm's parameters after validation: every given value checked against its {@link ParamInfo} (type, range,
 * choices; the allowed range is in the message), unknown names rejected, defaults filled in.
 */
public final class Params {
    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = values;
    }

    /** Validates {@code given} for {@code algorithm} with parameters {@code infos}. */
    public static Params validate(String algorithm, List<ParamInfo> infos, Map<String, Object> given) {
        Map<String, ParamInfo> byName = new LinkedHashMap<>();
        infos.forEach(p -> byName.put(p.name(), p));
        Map<String, Object> out = new TreeMap<>();
        for (ParamInfo p : infos) {
            if (p.defaultValue() != null) {
                out.put(p.name(), p.defaultValue());
            }
        }
        for (Map.Entry<String, Object> e : given.entrySet()) {
            ParamInfo info = byName.get(e.getKey());
            if (info == null) {
                throw new InvalidInputException("param " + e.getKey(), e.getValue(), "is not a parameter of "
                        + algorithm + " (its parameters are " + byName.keySet() + ")");
            }
            out.put(info.name(), convert(algorithm, info, e.getValue()));
        }
        return new Params(out);
    }

    private static Object convert(String algorithm, ParamInfo info, Object value) {
        String field = algorithm + " param " + info.name();
        switch (info.type()) {
            case "int" -> {
                long v = wholeNumber(field, value);
                checkRange(field, info, v, value);
                return v;
            }
            case "double" -> {
                double v = number(field, value);
                checkRange(field, info, v, value);
                return v;
            }
            case "boolean" -> {
                if (value instanceof Boolean b) {
                    return b;
                }
                if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    return Boolean.parseBoolean(s);
                }
                throw new InvalidInputException(field, value, "must be true or false");
            }
            default -> {
                String s = String.valueOf(value);
                if (!info.choices().isEmpty() && !info.choices().contains(s)) {
                    throw new InvalidInputException(field, value, "must be one of " + info.choices());
                }
                return s;
            }
        }
    }

    private static long wholeNumber(String field, Object value) {
        double d = number(field, value);
        if (d != Math.rint(d) || Math.abs(d) > 1e15) {
            throw new InvalidInputException(field, value, "must be a whole number");
        }
        return (long) d;
    }

    private static double number(String field, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, value, "must be a number");
            }
        }
        throw new InvalidInputException(field, value, "must be a number");
    }

    private static void checkRange(String field, ParamInfo info, double v, Object given) {
        boolean low = info.min() != null && v < info.min();
        boolean high = info.max() != null && v > info.max();
        if (low || high || Double.isNaN(v)) {
            throw new InvalidInputException(field, given, "must be between " + bound(info.min()) + " and "
                    + bound(info.max()));
        }
    }

    private static String bound(Double d) {
        if (d == null) {
            return "unbounded";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
    }

    public int getInt(String name) {
        return Math.toIntExact(((Number) require(name)).longValue());
    }

    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    public String getString(String name) {
        return (String) require(name);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** All values, defaults included, sorted by name: what the run records as its params. */
    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("parameter " + name + " has no value and no default");
        }
        return v;
    }
}
