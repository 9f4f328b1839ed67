package dev.rollback.samples;

import dev.rollback.annotation.Compensate;

/** A resource with an annotated undo: what an app compiled by plain javac would write. */
public class Tabs {

    @Compensate("close")
    public String open(String name) {
        System.out.println("open " + name);
        return "tab-" + name;
    }

    void close(String id) {
        System.out.println("close " + id);
    }
}
