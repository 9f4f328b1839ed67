package dev.rollback.samples;

import dev.rollback.annotation.Compensate;
import dev.rollback.annotation.Propagation;
import dev.rollback.annotation.WithRollback;

/** A method that is both its own independent scope and a compensated call of the scope around it. */
public class Workspaces {

    @WithRollback(propagation = Propagation.REQUIRES_NEW)
    @Compensate("remove")
    public String create(String name) {
        System.out.println("create " + name);
        return name;
    }

    void remove(String name) {
        System.out.println("remove " + name);
    }

    @WithRollback
    public void createThenFail() {
        create("w1");
        throw new IllegalStateException("later failure");
    }

    public static void main(String[] args) {
        try {
            new Workspaces().createThenFail();
        } catch (IllegalStateException e) {
            System.out.println("caught " + e.getMessage());
        }
    }
}
