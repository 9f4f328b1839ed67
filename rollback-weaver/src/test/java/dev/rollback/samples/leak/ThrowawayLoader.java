package dev.rollback.samples.leak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Defines the classes of this package itself (child first), so that each loader has its own copy. */
public final class ThrowawayLoader extends ClassLoader {

    private static final String PACKAGE = "dev.rollback.samples.leak.";

    public ThrowawayLoader(ClassLoader parent) {
        super("throwaway", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PACKAGE) || name.equals(ThrowawayLoader.class.getName())) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = bytesOf(name);
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            return loaded;
        }
    }

    private byte[] bytesOf(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
