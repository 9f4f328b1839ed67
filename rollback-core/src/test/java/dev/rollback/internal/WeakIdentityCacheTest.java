package dev.rollback.internal;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WeakIdentityCacheTest {

    private final WeakIdentityCache<String> cache = new WeakIdentityCache<>();

    @Test
    void findsWhatWasPutByIdentityNotByEquality() {
        String key = new String("key");
        WeakIdentityCache.Entry<String> entry = new WeakIdentityCache.Entry<>(key, "value");
        cache.put(entry);
        assertThat(cache.get(key)).isEqualTo("value");
        assertThat(cache.get(new String("key"))).isNull();
    }

    @Test
    void growsAndKeepsFindingEveryLiveEntry() {
        List<WeakIdentityCache.Entry<String>> owners = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            WeakIdentityCache.Entry<String> entry = new WeakIdentityCache.Entry<>(new Object(), "v" + i);
            owners.add(entry);
            cache.put(entry);
        }
        int found = 0;
        for (int i = 0; i < owners.size(); i++) {
            String value = cache.get(owners.get(i).key());
            if (value != null) {
                assertThat(value).isEqualTo("v" + i);
                found++;
            }
        }
        // an entry may miss its neighbourhood at the largest size; far from that here
        assertThat(found).isEqualTo(owners.size());
    }

    @Test
    void holdsNeitherTheEntryNorItsKeyOnceTheOwnerDropsThem() throws InterruptedException {
        Object key = new Object();
        WeakIdentityCache.Entry<String> entry = new WeakIdentityCache.Entry<>(key, "value");
        cache.put(entry);
        WeakReference<Object> keyGone = new WeakReference<>(key);
        WeakReference<Object> entryGone = new WeakReference<>(entry);
        key = null;
        entry = null;
        for (int i = 0; i < 50 && (keyGone.get() != null || entryGone.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(keyGone.get()).isNull();
        assertThat(entryGone.get()).isNull();
    }
}
