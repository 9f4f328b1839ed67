package dev.rollback.agent.boot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's implementation from the {@code inst/} entries of the agent jar, with the
 * platform class loader as parent: the agent sees the JDK and itself, the application sees none of
 * it. Class files are stored as {@code inst/<name>.classdata}, and served as {@code <name>.class}
 * resources, so that Byte Buddy can read them.
 *
 * <p>Classes are defined with a protection domain that has no code source: nothing outside the
 * agent can take its jar for the place its classes come from (Byte Buddy's attach support then
 * writes what it needs to a temporary jar instead of pointing a new JVM at this one).
 */
public final class AgentClassLoader extends ClassLoader {

    /** Where the agent's implementation lives in its jar. */
    public static final String PREFIX = "inst/";
    private static final String CLASS_DATA = "data";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final ProtectionDomain domain = new ProtectionDomain(null, null);

    AgentClassLoader(Path agentJar) throws IOException {
        super("rollback-agent", ClassLoader.getPlatformClassLoader());
        this.jar = new JarFile(agentJar.toFile(), false);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = read(PREFIX + name.replace('.', '/') + ".class" + CLASS_DATA);
        if (bytes == null) {
            throw new ClassNotFoundException(name + " is not part of the Rollback agent");
        }
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    @Override
    protected URL findResource(String name) {
        JarEntry entry = jar.getJarEntry(entryName(name));
        if (entry == null) {
            return null;
        }
        try {
            return new URL("jar:" + Path.of(jar.getName()).toUri() + "!/" + entry.getName());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("cannot name " + entry.getName() + " in " + jar.getName(), e);
        }
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        byte[] bytes = read(entryName(name));
        return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
    }

    private static String entryName(String resource) {
        return PREFIX + resource + (resource.endsWith(".class") ? CLASS_DATA : "");
    }

    private byte[] read(String entryName) {
        JarEntry entry = jar.getJarEntry(entryName);
        if (entry == null) {
            return null;
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entryName + " from the agent jar " + jar.getName(), e);
        }
    }
}
