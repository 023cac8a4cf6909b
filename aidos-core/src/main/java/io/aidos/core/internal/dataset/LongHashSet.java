package io.aidos.core.internal.dataset;

/** An open-addressing set of longs (no boxing), for counting distinct values by their 64-bit hashes. */
final class LongHashSet {
    private long[] slots = new long[64];
    private boolean hasZero;
    private int size;

    void add(long v) {
        if (v == 0) {
            if (!hasZero) {
                hasZero = true;
                size++;
            }
            return;
        }
        if ((size + 1) * 2 > slots.length) {
            rehash();
        }
        insert(slots, v);
    }

    private boolean insert(long[] table, long v) {
        int mask = table.length - 1;
        int i = (int) (mix(v) & mask);
        while (table[i] != 0) {
            if (table[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = v;
        if (table == slots) {
            size++;
        }
        return true;
    }

    private void rehash() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long v : old) {
            if (v != 0) {
                int mask = slots.length - 1;
                int i = (int) (mix(v) & mask);
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = v;
            }
        }
    }

    int size() {
        return size;
    }

    /** FNV-1a over the UTF-16 units: distinct texts collide with negligible probability at dataset scale. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        return v ^ (v >>> 33);
    }
}
