package dev.rollback.spring.boot;

import dev.rollback.annotation.Compensate;
import dev.rollback.annotation.WithRollback;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells whether a class's Rollback annotations were woven. A class woven by ajc with Rollback's
 * aspects calls them, so its class file names {@code dev/rollback/aspectj/}, next to the
 * {@code org.aspectj.weaver.WeaverState} attribute every ajc-woven class carries. The java agent
 * advises, as classes load, every annotated class that ajc did not weave, once installed: it marks
 * the JVM with the system property {@code dev.rollback.agent.installed}.
 */
final class WovenClasses {

    static final String AGENT_INSTALLED = "dev.rollback.agent.installed";
    private static final byte[] ASPECTS = "dev/rollback/aspectj/".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WEAVER_STATE = "org.aspectj.weaver.WeaverState".getBytes(StandardCharsets.UTF_8);

    private WovenClasses() {
    }

    /** {@return whether the java agent advises classes in this JVM} */
    static boolean agentInstalled() {
        return System.getProperty(AGENT_INSTALLED) != null;
    }

    /**
     * {@return the classes in its hierarchy that declare Rollback annotations and that ajc did not
     * weave}
     *
     * @param type a bean's class (its user class, not a proxy's)
     */
    static List<Class<?>> unwoven(Class<?> type) {
        List<Class<?>> unwoven = new ArrayList<>(0);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (annotated(c) && !wovenByAjc(c)) {
                unwoven.add(c);
            }
        }
        return unwoven;
    }

    static boolean annotated(Class<?> type) {
        if (type.isAnnotationPresent(WithRollback.class)) {
            return true;
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(WithRollback.class) || method.isAnnotationPresent(Compensate.class)) {
                return true;
            }
        }
        return false;
    }

    static boolean wovenByAjc(Class<?> type) {
        byte[] bytes = classFile(type);
        return contains(bytes, WEAVER_STATE) && contains(bytes, ASPECTS);
    }

    private static byte[] classFile(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("cannot read " + resource + " from " + loader + " to check whether "
                        + type.getName() + " was woven; set rollback.weaving.verify=warn or off for classes"
                        + " defined at run time");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + " to check whether " + type.getName()
                    + " was woven: " + e, e);
        }
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
