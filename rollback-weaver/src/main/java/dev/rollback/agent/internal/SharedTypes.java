package dev.rollback.agent.internal;

import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

import java.util.List;

/**
 * The types every transformation asks about and that are the same for every class loader: the
 * JDK's and Rollback's annotations. Described once and shared, instead of being looked up through
 * each application class loader again for every class; any other name is answered "not here" at
 * once, so that the per-class pool below it finds it.
 */
final class SharedTypes implements ClassFileLocator {

    private static final List<String> JDK_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.");
    private static final String ANNOTATIONS = "dev.rollback.annotation.";

    private final ClassFileLocator jdk = ClassFileLocator.ForClassLoader.ofBootLoader();
    private final ClassFileLocator annotations = ClassFileLocator.ForClassLoader.of(SharedTypes.class.getClassLoader());

    static TypePool pool() {
        return new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(), new SharedTypes(),
                TypePool.Default.ReaderMode.FAST);
    }

    @Override
    public Resolution locate(String name) throws java.io.IOException {
        if (name.startsWith(ANNOTATIONS)) {
            return annotations.locate(name);
        }
        for (String prefix : JDK_PREFIXES) {
            if (name.startsWith(prefix)) {
                return jdk.locate(name);
            }
        }
        return new Resolution.Illegal(name);
    }

    @Override
    public void close() {
        // both locators are backed by class loaders that live as long as the JVM: nothing to release
    }
}
