package io.aidos.serving.internal.http.protocol;

import java.util.Arrays;
import java.util.Locale;

/** The tensor datatypes the Open Inference Protocol lists, and which of them can feed which model input. */
enum OipDatatype {
    BOOL(Kind.BOOL),
    UINT8(Kind.INTEGER),
    UINT16(Kind.INTEGER),
    UINT32(Kind.INTEGER),
    UINT64(Kind.INTEGER),
    INT8(Kind.INTEGER),
    INT16(Kind.INTEGER),
    INT32(Kind.INTEGER),
    INT64(Kind.INTEGER),
    FP16(Kind.FLOAT),
    FP32(Kind.FLOAT),
    FP64(Kind.FLOAT),
    BYTES(Kind.BYTES);

    /** How values of a datatype appear in JSON. */
    enum Kind {
        /** JSON booleans. */
        BOOL,
        /** JSON numbers without a fraction. */
        INTEGER,
        /** JSON numbers. */
        FLOAT,
        /** JSON strings. */
        BYTES;

        boolean numeric() {
            return this == INTEGER || this == FLOAT;
        }
    }

    private final Kind kind;

    /** {@link #values()} copies its array on every call; lookups run once per cell. */
    private static final OipDatatype[] ALL = values();

    OipDatatype(Kind kind) {
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** The datatype named {@code name} (exact, upper case as in the spec), or null if the spec has none such. */
    static OipDatatype lookup(String name) {
        if (name == null) {
            return null;
        }
        for (OipDatatype t : ALL) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The datatype a request gave for {@code field}; an unknown one is an error listing the spec's. */
    static OipDatatype parse(String name, String field) {
        OipDatatype t = lookup(name);
        if (t == null) {
            String hint = lookup(name.toUpperCase(Locale.ROOT)) != null ? " (datatypes are upper case)" : "";
            throw InputErrors.of(field, "has datatype " + InputErrors.quote(name) + ", which is not an Open Inference"
                    + " Protocol datatype" + hint + "; use one of " + Arrays.toString(values()));
        }
        return t;
    }

    /**
     * Whether a tensor of this datatype can feed a model input declared as {@code declared}: any number for a numeric
     * input, BYTES for a string input, BOOL for a boolean one. A declared type outside the spec accepts anything.
     */
    boolean feeds(String declared) {
        OipDatatype d = lookup(declared);
        if (d == null) {
            return true;
        }
        return d.kind == kind || d.kind.numeric() && kind.numeric();
    }
}
