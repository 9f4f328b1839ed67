package dev.rollback.internal;

import dev.rollback.annotation.Compensate;
import dev.rollback.annotation.Propagation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A record made by key (the AspectJ aspect's recording path) looks its plan up only when the scope needs it. */
class KeyedRecordTest {

    private final List<String> released = new ArrayList<>();
    private final AtomicInteger lookUps = new AtomicInteger();
    private final Object oneKey = new Object();
    private final Object twoKey = new Object();

    @Compensate("release")
    String acquire(String name) {
        return name;
    }

    private void release(String name) {
        released.add(name);
    }

    @Compensate(value = "releaseBoth", priority = 5)
    String acquireBoth(String first, String second) {
        return first + second;
    }

    private void releaseBoth(String first, String second) {
        released.add(first + "+" + second);
    }

    private final PlanSource plans = key -> {
        lookUps.incrementAndGet();
        try {
            return key == oneKey ? Weaving.plan(KeyedRecordTest.class.getDeclaredMethod("acquire", String.class))
                    : Weaving.plan(KeyedRecordTest.class.getDeclaredMethod("acquireBoth", String.class, String.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    };

    @Test
    void aScopeThatCommitsNeverLooksThePlansUp() {
        Scope scope = Scopes.openProgrammatic("keyed-success", Propagation.NESTED, false, false);
        Weaving.recordOneArgument(scope, plans, oneKey, this, "a", "a");
        Weaving.record(scope, plans, twoKey, this, "bc", new Object[] {"b", "c"});
        scope.commit();
        scope.close();

        assertThat(lookUps).hasValue(0);
        assertThat(released).isEmpty();
    }

    @Test
    void aRollbackLooksThePlansUpAndRunsThemInRollbackOrder() {
        Scope scope = Scopes.openProgrammatic("keyed-failure", Propagation.NESTED, false, false);
        Weaving.recordOneArgument(scope, plans, oneKey, this, "a", "a");
        Weaving.record(scope, plans, twoKey, this, "bc", new Object[] {"b", "c"});
        Weaving.recordOneArgument(scope, plans, oneKey, this, "d", "d");
        scope.close(); // not committed: rolls back

        assertThat(released).containsExactly("b+c", "d", "a"); // priority 5 first, then newest first
        assertThat(lookUps).hasValue(3); // once per record: each record keeps the plan it looked up
        assertThat(Scopes.peek()).isNull();
    }
}
