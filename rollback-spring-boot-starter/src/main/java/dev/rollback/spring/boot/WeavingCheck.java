package dev.rollback.spring.boot;

/** What the start-up weaving check does with a bean whose annotations were not woven. */
public enum WeavingCheck {
    /** Stop the start, naming the classes and the two ways to weave them. */
    FAIL,
    /** Log the same message as a warning and go on. */
    WARN,
    /** Do not look. */
    OFF
}
