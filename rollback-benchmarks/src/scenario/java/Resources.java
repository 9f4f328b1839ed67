package ${scenario.package};

import dev.rollback.annotation.Compensate;

/**
 * Acquires and releases named resources, counting what is held so that a benchmark can tell
 * whether compensations ran. Scenario class ${scenario.weaving}.
 */
public class Resources {

    private int held;

    /**
     * @param name what to acquire
     * @return the name, as a handle to release
     */
    @Compensate("release")
    public String acquire(String name) {
        held++;
        return name;
    }

    /**
     * @param name what {@link #acquire} was given
     */
    public void release(String name) {
        held--;
    }

    /** @return how many resources are held */
    public int held() {
        return held;
    }
}
