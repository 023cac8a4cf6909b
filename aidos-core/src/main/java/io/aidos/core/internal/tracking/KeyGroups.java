package io.aidos.core.internal.tracking;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The points of a batch grouped by metric key, as int index arrays (no boxing). Batches usually carry a handful
 * of keys, so lookup is a linear scan that tries the previous hit first; a map takes over past 16 keys.
 */
final class KeyGroups {
    private String[] keys = new String[4];
    private int[][] members = new int[4][];
    private int[] sizes = new int[4];
    private int groups;
    private Map<String, Integer> index;

    KeyGroups(String[] batchKeys, int size) {
        int last = -1;
        for (int i = 0; i < size; i++) {
            String k = batchKeys[i];
            int g = last >= 0 && (keys[last] == k || keys[last].equals(k)) ? last : find(k);
            if (g < 0) {
                g = add(k);
            }
            if (sizes[g] == members[g].length) {
                members[g] = Arrays.copyOf(members[g], sizes[g] * 2);
            }
            members[g][sizes[g]++] = i;
            last = g;
        }
    }

    int count() {
        return groups;
    }

    String key(int group) {
        return keys[group];
    }

    /** Indices into the batch of the group's points, in logging order; valid up to {@link #size(int)}. */
    int[] members(int group) {
        return members[group];
    }

    int size(int group) {
        return sizes[group];
    }

    private int find(String k) {
        if (index != null) {
            Integer g = index.get(k);
            return g == null ? -1 : g;
        }
        for (int g = 0; g < groups; g++) {
            if (keys[g].equals(k)) {
                return g;
            }
        }
        return -1;
    }

    private int add(String k) {
        if (groups == keys.length) {
            keys = Arrays.copyOf(keys, groups * 2);
            members = Arrays.copyOf(members, groups * 2);
            sizes = Arrays.copyOf(sizes, groups * 2);
        }
        keys[groups] = k;
        members[groups] = new int[64];
        if (groups == 16) {
            index = new HashMap<>();
            for (int g = 0; g < groups; g++) {
                index.put(keys[g], g);
            }
        }
        if (index != null) {
            index.put(k, groups);
        }
        return groups++;
    }
}
