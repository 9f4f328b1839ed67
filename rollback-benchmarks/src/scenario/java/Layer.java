package ${scenario.package};

import dev.rollback.annotation.WithRollback;

/**
 * One level of nested scopes: acquires a resource, then enters the next level. Scenario class
 * ${scenario.weaving}.
 */
public class Layer {

    private final Resources resources;
    private final Layer inner;

    /**
     * @param resources where to acquire
     * @param inner     the next level, or {@code null} for the innermost
     */
    public Layer(Resources resources, Layer inner) {
        this.resources = resources;
        this.inner = inner;
    }

    /**
     * @param name what each level acquires
     * @return the number of levels entered
     */
    @WithRollback
    public int enter(String name) {
        resources.acquire(name);
        return inner == null ? 1 : 1 + inner.enter(name);
    }
}
