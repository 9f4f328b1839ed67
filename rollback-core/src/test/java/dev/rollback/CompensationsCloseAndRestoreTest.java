package dev.rollback;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompensationsCloseAndRestoreTest {

    @Test
    void closesTheResource() throws Exception {
        AtomicInteger closed = new AtomicInteger();

        Compensations.close(closed::incrementAndGet);

        assertThat(closed).hasValue(1);
    }

    @Test
    void letsTheFailureOfCloseThrough() {
        IOException failure = new IOException("disk gone");

        assertThatThrownBy(() -> Compensations.close(() -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void restoresAMapToItsEntriesAtSnapshotTime() throws Exception {
        Map<String, Integer> map = new HashMap<>(Map.of("a", 1, "b", 2));
        Compensation restore = Compensations.restore(map);
        map.put("c", 3);
        map.remove("a");
        map.put("b", 20);

        restore.run();

        assertThat(map).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2));
    }

    @Test
    void restoresAListToItsElementsInTheirOrder() throws Exception {
        List<String> list = new ArrayList<>(List.of("x", "y", "x"));
        Compensation restore = Compensations.restore(list);
        list.clear();
        list.add("z");

        restore.run();
        restore.run();

        assertThat(list).containsExactly("x", "y", "x");
    }

    @Test
    void restoresASet() throws Exception {
        Collection<Integer> set = new LinkedHashSet<>(List.of(3, 1, 2));
        Compensation restore = Compensations.restore(set);
        set.remove(1);
        set.add(4);

        restore.run();

        assertThat(set).containsExactly(3, 1, 2);
    }

    @Test
    void restoresWithinARollback() {
        Map<String, String> config = new HashMap<>(Map.of("mode", "old"));
        IllegalStateException failure = new IllegalStateException("body failed");

        assertThatThrownBy(() -> Rollback.run("reconfigure", () -> {
            Rollback.register("restore config", Compensations.restore(config));
            config.put("mode", "new");
            throw failure;
        })).isSameAs(failure);

        assertThat(config).containsExactlyEntriesOf(Map.of("mode", "old"));
    }

    @Test
    void reportsAnUnmodifiableCollection() {
        Compensation restore = Compensations.restore(List.of("a"));

        assertThatThrownBy(restore::run).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void namesTheNullParameter() {
        assertThatThrownBy(() -> Compensations.close(null))
                .isInstanceOf(NullPointerException.class).hasMessage("resource");
        assertThatThrownBy(() -> Compensations.restore((Map<String, String>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("map");
        assertThatThrownBy(() -> Compensations.restore((Collection<String>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("collection");
    }
}
