package dev.rollback.samples;

import dev.rollback.annotation.Compensate;
import dev.rollback.annotation.WithRollback;

/** Names a compensating method that does not exist. */
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
