package io.aidos.serving.internal.signature;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The columns of rows built by position: their names in order and where each one is, shared by every row of one
 * layout. A row is an array of values behind a read-only {@code Map} view, so a request of wide rows (784 pixels)
 * builds no hash map per row; a signature keeps the layout of its inputs, so a request that sends them in order
 * builds none at all. The view behaves like a {@code HashMap} holding every column, null values included.
 */
public final class RowLayout {
    private final String[] names;
    private final Map<String, Integer> index;

    private RowLayout(String[] names) {
        this.names = names;
        this.index = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            index.putIfAbsent(names[i], i); // requests cannot repeat a name (InputBinding); a signature should not
        }
    }

    /** The layout of {@code columns}, in this order. */
    public static RowLayout of(List<TensorSpec> columns) {
        return new RowLayout(columns.stream().map(TensorSpec::name).toArray(String[]::new));
    }

    /** {@code signature}'s own layout when {@code bound} is its inputs in order, else a new one. */
    public static RowLayout of(ModelSignature signature, TensorSpec[] bound) {
        List<TensorSpec> inputs = signature.inputs();
        boolean same = bound.length == inputs.size();
        for (int j = 0; same && j < bound.length; j++) {
            same = bound[j] == inputs.get(j);
        }
        return same ? signature.inputLayout() : of(List.of(bound));
    }

    public int size() {
        return names.length;
    }

    /** A row whose column {@code j} holds {@code values[j]}; the array is the row's, not copied. */
    public Map<String, Object> row(Object[] values) {
        if (values.length != names.length) {
            throw new IllegalArgumentException(values.length + " values for " + names.length + " columns");
        }
        return new Row(values);
    }

    private final class Row extends AbstractMap<String, Object> {
        private final Object[] values;
        /**
         * Where the next {@link #get} probably looks: a model's encoder asks for its features in the signature's order,
         * so a wide row is read without hashing. Only a hint: a thread that reads a stale value just hashes.
         */
        private int next;

        Row(Object[] values) {
            this.values = values;
        }

        @Override
        public Object get(Object key) {
            int at = next;
            if (at < names.length && names[at].equals(key)) {
                next = at + 1;
                return values[at];
            }
            Integer i = index.get(key);
            if (i == null) {
                return null;
            }
            next = i + 1;
            return values[i];
        }

        @Override
        public boolean containsKey(Object key) {
            return index.containsKey(key);
        }

        @Override
        public int size() {
            return names.length;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < names.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= names.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(names[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return names.length;
                }
            };
        }
    }
}
