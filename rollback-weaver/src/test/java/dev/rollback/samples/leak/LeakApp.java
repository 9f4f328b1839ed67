package dev.rollback.samples.leak;

import dev.rollback.samples.Counter;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one failing scope in each of many throwaway class loaders, drops them, and reports how many
 * the garbage collector could reclaim: a loader the agent still reaches is never collected.
 */
public final class LeakApp {

    private LeakApp() {
    }

    public static void main(String[] args) throws Exception {
        int loaders = Integer.parseInt(args[0]);
        List<WeakReference<ClassLoader>> references = new ArrayList<>();
        for (int i = 0; i < loaders; i++) {
            references.add(runOneScope());
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        long alive = loaders;
        while (alive > 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
            alive = references.stream().filter(r -> r.get() != null).count();
        }
        System.out.println("compensated " + Counter.COMPENSATED.get());
        System.out.println("collected " + (loaders - alive) + " of " + loaders);
    }

    private static WeakReference<ClassLoader> runOneScope() throws ReflectiveOperationException {
        ClassLoader loader = new ThrowawayLoader(LeakApp.class.getClassLoader());
        Runnable scope = (Runnable) loader.loadClass(Throwaway.class.getName()).getConstructor().newInstance();
        try {
            scope.run();
            throw new AssertionError("the throwaway scope returned");
        } catch (IllegalStateException expected) {
            // the scope failed as it should; its rollback is what the counter shows
        }
        return new WeakReference<>(loader);
    }
}
