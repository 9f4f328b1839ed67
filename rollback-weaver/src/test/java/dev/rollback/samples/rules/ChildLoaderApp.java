package dev.rollback.samples.rules;

import dev.rollback.Rollback;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Loads commons-io through a class loader it creates (as a plugin host or a Spring Boot jar does),
 * calls FileUtils.forceMkdir in a scope that fails, and reports what is left.
 */
public final class ChildLoaderApp {

    private ChildLoaderApp() {
    }

    public static void main(String[] args) throws Exception {
        File root = new File(args[1]);
        try (URLClassLoader child = new URLClassLoader(new URL[]{Path.of(args[0]).toUri().toURL()},
                ChildLoaderApp.class.getClassLoader())) {
            Class<?> fileUtils = child.loadClass("org.apache.commons.io.FileUtils");
            System.out.println("FileUtils loaded by a child class loader: " + (fileUtils.getClassLoader() == child));
            try {
                Rollback.run("child-loader", () -> {
                    fileUtils.getMethod("forceMkdir", File.class).invoke(null, new File(root, "cache"));
                    throw new IllegalStateException("disk full");
                });
            } catch (IllegalStateException e) {
                System.out.println("caught " + e);
            }
        }
        System.out.println("cache exists: " + new File(root, "cache").exists());
    }
}
