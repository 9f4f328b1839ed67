package dev.rollback.samples.rules;

import dev.rollback.Rollback;

import java.io.File;

/** Creates a workspace that fails half-way, then reports what is left on disk. */
public final class RulesApp {

    private RulesApp() {
    }

    public static void main(String[] args) {
        File root = new File(args[0]);
        try {
            new PlainWorkspace().create(root);
        } catch (Exception e) {
            System.out.println("caught " + e.getClass().getName() + ": " + e.getMessage());
        }
        System.out.println("cache exists: " + new File(root, "cache").exists());
        System.out.println("logs exists: " + new File(root, "logs").exists());
        System.out.println("scope open: " + Rollback.current().isPresent());
    }
}
