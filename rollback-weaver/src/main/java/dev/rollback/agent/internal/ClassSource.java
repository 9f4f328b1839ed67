package dev.rollback.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Where the agent finds the class files it defines in an application's class loaders: its bridge
 * ({@link Dispatch} and what it needs), and the engine it supplies where an application carries
 * none. In the agent jar, both live in hidden entries; a plain {@code rollback-weaver} jar on the
 * class path has its bridge as ordinary resources, and no engine to supply.
 */
abstract class ClassSource {

    /** Rollback's engine and annotations, under their own names, referring to SLF4J under its own. */
    static final String ENGINE = "inst/";
    /** The same engine, its SLF4J relocated along with SLF4J's API and simple logger. */
    static final String ENGINE_OWN_LOGGING = "inst-nolog/";
    /** Every package of rollback-core and rollback-annotations the engine needs: a package missing here fails every agent test. */
    private static final List<String> ENGINE_PACKAGES = List.of("dev/rollback/", "dev/rollback/internal/",
            "dev/rollback/spi/", "dev/rollback/annotation/");

    /** @return the bytes of a class of the agent's own package, with its nested classes, by binary name */
    abstract Map<String, byte[]> agentClass(String binaryName);

    /**
     * @param ownLogging whether the copy that brings its own (relocated) SLF4J is wanted
     * @return the engine's and annotations' class files by binary name; empty when there is none
     */
    abstract Map<String, byte[]> engine(boolean ownLogging);

    /** @return what this source is, for messages */
    abstract String describe();

    static ClassSource of(Path agentJar) {
        try {
            return new InJar(new JarFile(agentJar.toFile(), false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Rollback agent jar " + agentJar, e);
        }
    }

    static ClassSource ofClassPath() {
        return new OnClassPath();
    }

    private static final class InJar extends ClassSource {

        private final JarFile jar;

        InJar(JarFile jar) {
            this.jar = jar;
        }

        @Override
        Map<String, byte[]> agentClass(String binaryName) {
            String path = ENGINE + binaryName.replace('.', '/');
            return read(entry -> entry.equals(path + ".classdata") || entry.startsWith(path + "$"), ENGINE);
        }

        @Override
        Map<String, byte[]> engine(boolean ownLogging) {
            String prefix = ownLogging ? ENGINE_OWN_LOGGING : ENGINE;
            return read(entry -> isEngine(entry, prefix) || ownLogging && entry.startsWith(prefix + "dev/rollback/agent/slf4j/"),
                    prefix);
        }

        private static boolean isEngine(String entry, String prefix) {
            if (!entry.startsWith(prefix) || !entry.endsWith(".classdata")) {
                return false;
            }
            String path = entry.substring(prefix.length());
            String directory = path.substring(0, path.lastIndexOf('/') + 1);
            return ENGINE_PACKAGES.contains(directory) && !path.endsWith("package-info.classdata");
        }

        private Map<String, byte[]> read(java.util.function.Predicate<String> wanted, String prefix) {
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (wanted.test(entry.getName()) && entry.getName().endsWith(".classdata")) {
                    String name = entry.getName().substring(prefix.length(), entry.getName().length() - ".classdata".length());
                    classes.put(name.replace('/', '.'), bytes(entry));
                }
            }
            return classes;
        }

        private byte[] bytes(JarEntry entry) {
            try (InputStream in = jar.getInputStream(entry)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + entry.getName() + " from the agent jar " + jar.getName(), e);
            }
        }

        @Override
        String describe() {
            return "the agent jar " + jar.getName();
        }
    }

    private static final class OnClassPath extends ClassSource {

        @Override
        Map<String, byte[]> agentClass(String binaryName) {
            Map<String, byte[]> classes = new LinkedHashMap<>();
            try {
                for (Class<?> member : Class.forName(binaryName).getNestMembers()) {
                    classes.put(member.getName(), resource(member.getName()));
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(binaryName + " is missing from rollback-weaver", e);
            }
            return classes;
        }

        private static byte[] resource(String binaryName) {
            String name = binaryName.replace('.', '/') + ".class";
            try (InputStream in = ClassSource.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing from rollback-weaver");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }

        @Override
        Map<String, byte[]> engine(boolean ownLogging) {
            return Map.of();
        }

        @Override
        String describe() {
            return "the plain rollback-weaver jar, which supplies no engine (put rollback-core where the class can see it,"
                    + " or use the agent jar)";
        }
    }

    /** @return the names in a class file's header: its superclass and interfaces, in slashes */
    static List<String> supertypes(byte[] bytes) {
        net.bytebuddy.jar.asm.ClassReader reader = new net.bytebuddy.jar.asm.ClassReader(bytes);
        List<String> names = new ArrayList<>(List.of(reader.getInterfaces()));
        if (reader.getSuperName() != null) {
            names.add(reader.getSuperName());
        }
        return names;
    }
}
