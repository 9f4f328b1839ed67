package ${scenario.package};

import dev.rollback.annotation.Compensate;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Like {@link Resources}, acquired from many threads at once. Scenario class ${scenario.weaving}.
 */
public class SharedResources {

    private final AtomicInteger held = new AtomicInteger();

    /**
     * @param name what to acquire
     * @return the name, as a handle to release
     */
    @Compensate("release")
    public String acquire(String name) {
        held.incrementAndGet();
        return name;
    }

    /**
     * @param name what {@link #acquire} was given
     */
    public void release(String name) {
        held.decrementAndGet();
    }

    /** @return how many resources are held */
    public int held() {
        return held.get();
    }
}
