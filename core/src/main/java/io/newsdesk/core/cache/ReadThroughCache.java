package io.newsdesk.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A bounded in-memory copy of values kept in the database, by article id, that never holds a value older than the
 * last {@link #forget}: a load that raced with a forget is returned but not remembered.
 */
public final class ReadThroughCache<V> {

    private final Cache<String, V> values;
    /** Counts forgets, so a load that overlapped one can tell. */
    private final AtomicLong changes = new AtomicLong();

    /** @param size most values kept; 0 keeps none and every read loads */
    public ReadThroughCache(int size) {
        this.values = size > 0 ? Caffeine.newBuilder().maximumSize(size).build() : null;
    }

    /** The values of those of {@code ids} that exist, from memory or from {@code load} (given the ids missing). */
    public Map<String, V> get(Collection<String> ids, Function<List<String>, Map<String, V>> load) {
        if (values == null) {
            return load.apply(List.copyOf(ids));
        }
        Map<String, V> found = new HashMap<>(values.getAllPresent(ids));
        if (found.size() < ids.size()) {
            List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).distinct().toList();
            long before = changes.get();
            Map<String, V> loaded = load.apply(missing);
            if (changes.get() == before) {
                values.putAll(loaded);
            }
            found.putAll(loaded);
        }
        return found;
    }

    public void forget(Collection<String> ids) {
        if (values != null) {
            changes.incrementAndGet();
            values.invalidateAll(ids);
        }
    }

    public void forgetAll() {
        if (values != null) {
            changes.incrementAndGet();
            values.invalidateAll();
        }
    }
}
