package org.brainj.backend.aparapi;

import java.util.Map;
import java.util.TreeMap;

/**
 * The free ranges of one device pool (first fit, neighbours merged). Tensors are ranges of a
 * pool; a range returns here when its last tensor is unreachable.
 */
final class Pool {
    private final TreeMap<Integer, Integer> free = new TreeMap<>();
    private int capacity;

    Pool(int capacity) {
        this.capacity = capacity;
        free.put(0, capacity);
    }

    synchronized int capacity() {
        return capacity;
    }

    /** The offset of a free range of {@code length} elements, or -1 when the pool must grow. */
    synchronized int take(int length) {
        for (Map.Entry<Integer, Integer> e : free.entrySet()) {
            if (e.getValue() >= length) {
                // read both before removing: TreeMap may reuse a removed entry's node for its successor
                int offset = e.getKey();
                int size = e.getValue();
                free.remove(offset);
                if (size > length) {
                    free.put(offset + length, size - length);
                }
                return offset;
            }
        }
        return -1;
    }

    /** The pool now holds {@code newCapacity} elements; the new ones are free. */
    synchronized void grown(int newCapacity) {
        release(capacity, newCapacity - capacity);
        capacity = newCapacity;
    }

    synchronized void release(int offset, int length) {
        int start = offset;
        int size = length;
        Map.Entry<Integer, Integer> before = free.floorEntry(offset);
        if (before != null && before.getKey() + before.getValue() == offset) {
            start = before.getKey();
            size += before.getValue();
            free.remove(before.getKey());
        }
        Integer after = free.get(offset + length);
        if (after != null) {
            free.remove(offset + length);
            size += after;
        }
        free.put(start, size);
    }
}
