package dev.rollback.samples;

import dev.rollback.annotation.Compensate;
import dev.rollback.annotation.WithRollback;

/**
 * Names a compensating method that does not exist: the agent must raise it at run time, so the
 * compile-time check is silenced here on purpose.
 */
@SuppressWarnings("rollback")
public class BadCompensate {

    @Compensate("missing")
    public void create(String name) {
        System.out.println("body ran for " + name);
    }

    @WithRollback
    public void createInScope(String name) {
        create(name);
    }
}
