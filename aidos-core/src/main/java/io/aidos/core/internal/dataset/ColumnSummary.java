package io.aidos.core.internal.dataset;

import io.aidos.api.ColumnStats;
import io.aidos.api.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One column seen in a single pass: infers its type (from text, or from typed values) and collects the
 * statistics of every type it could still turn out to be, since the type is only known at the end.
 * Distinct values are counted exactly by 64-bit hashes of their canonical text.
 */
final class ColumnSummary {
    final String name;
    private long count;
    private long nulls;
    private boolean couldBeLong = true;
    private boolean couldBeDouble = true;
    private boolean couldBeBoolean = true;
    private ColumnType typedKind;
    private long longMin = Long.MAX_VALUE;
    private long longMax = Long.MIN_VALUE;
    private double doubleMin = Double.POSITIVE_INFINITY;
    private double doubleMax = Double.NEGATIVE_INFINITY;
    private double sum;
    private long numbers;
    private boolean sawTrue;
    private boolean sawFalse;
    private String textMin;
    private String textMax;
    private final LongHashSet distinct = new LongHashSet();

    ColumnSummary(String name) {
        this.name = name;
    }

    void addNull() {
        nulls++;
    }

    /** Adds an untyped (CSV) cell; returns whether it is written unquoted (reads as a number or boolean). */
    boolean addText(String s) {
        seen(s);
        long small = ShortInteger.parse(s);
        if (small != ShortInteger.NONE) { // the common case, with the same outcome as the general checks below
            if (couldBeLong) {
                number(small);
            } else if (couldBeDouble) {
                number(ShortInteger.asDouble(small, s));
            }
            couldBeBoolean = false;
            return true;
        }
        boolean isLong = couldBeLong && ScalarText.isLong(s);
        couldBeLong &= isLong;
        boolean isDouble = isLong || ScalarText.isDouble(s);
        couldBeDouble &= isDouble;
        if (isLong) {
            number(Long.parseLong(s));
        } else if (isDouble && couldBeDouble) {
            number(Double.parseDouble(s));
        }
        boolean isBoolean = !isDouble && ScalarText.isBoolean(s);
        couldBeBoolean &= isBoolean;
        if (isBoolean) {
            flag(Boolean.parseBoolean(s));
        }
        return isDouble || isBoolean;
    }

    /** Adds a typed value (JSON, Java map) and returns its canonical text. */
    String addValue(Object v) {
        ColumnType kind;
        String text;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger b && b.bitLength() < 64) {
            long l = ((Number) v).longValue();
            kind = ColumnType.LONG;
            text = Long.toString(l);
            number(l);
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal || v instanceof BigInteger) {
            double d = ((Number) v).doubleValue();
            kind = ColumnType.DOUBLE;
            text = v instanceof Float f ? Float.toString(f) : Double.toString(d);
            number(d);
        } else if (v instanceof Boolean b) {
            kind = ColumnType.BOOLEAN;
            text = b.toString();
            flag(b);
        } else {
            kind = ColumnType.STRING;
            text = v.toString();
        }
        typedKind = typedKind == null || typedKind == kind ? kind
                : typedKind.isNumeric() && kind.isNumeric() ? ColumnType.DOUBLE : ColumnType.STRING;
        seen(text);
        return text;
    }

    ColumnType type(boolean typed) {
        if (count == 0) {
            return ColumnType.STRING;
        }
        if (typed) {
            return typedKind;
        }
        return couldBeLong ? ColumnType.LONG : couldBeDouble ? ColumnType.DOUBLE
                : couldBeBoolean ? ColumnType.BOOLEAN : ColumnType.STRING;
    }

    ColumnStats stats(ColumnType type) {
        Object min = null;
        Object max = null;
        Double mean = null;
        if (count > 0) {
            switch (type) {
                case LONG -> {
                    min = longMin;
                    max = longMax;
                    mean = sum / numbers;
                }
                case DOUBLE -> {
                    if (numbers > 0) {
                        min = doubleMin;
                        max = doubleMax;
                        mean = sum / numbers;
                    }
                }
                case BOOLEAN -> {
                    min = !sawFalse;
                    max = sawTrue;
                }
                case STRING -> {
                    min = textMin;
                    max = textMax;
                }
            }
        }
        return new ColumnStats(name, type, count, nulls, distinct.size(), min, max, mean);
    }

    private void seen(String text) {
        count++;
        distinct.add(LongHashSet.hash(text));
        if (textMin == null || text.compareTo(textMin) < 0) {
            textMin = text;
        }
        if (textMax == null || text.compareTo(textMax) > 0) {
            textMax = text;
        }
    }

    private void number(double d) {
        if (!Double.isNaN(d)) { // NaN is a value, but not one that min, max or mean can use
            doubleMin = Math.min(doubleMin, d);
            doubleMax = Math.max(doubleMax, d);
            sum += d;
            numbers++;
        }
    }

    private void number(long l) {
        longMin = Math.min(longMin, l);
        longMax = Math.max(longMax, l);
        doubleMin = Math.min(doubleMin, l);
        doubleMax = Math.max(doubleMax, l);
        sum += l;
        numbers++;
    }

    private void flag(boolean b) {
        sawTrue |= b;
        sawFalse |= !b;
    }
}
