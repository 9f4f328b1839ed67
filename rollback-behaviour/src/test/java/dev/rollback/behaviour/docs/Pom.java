package dev.rollback.behaviour.docs;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A pom.xml read as written (not the effective model): enough to check the build's own rules. */
final class Pom {

    /** One {@code <dependency>}: its coordinates, scope and whether it is optional. */
    record Dependency(String groupId, String artifactId, String classifier, String scope, boolean optional) {
    }

    private final Path file;
    private final Element project;

    private Pom(Path file, Element project) {
        this.file = file;
        this.project = project;
    }

    static Pom read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            return new Pom(file, document.getDocumentElement());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** @return the text of a child of {@code <project>} given by its path, such as {@code scm/url} */
    Optional<String> text(String path) {
        Element element = project;
        for (String name : path.split("/")) {
            List<Element> children = children(element, name);
            if (children.isEmpty()) {
                return Optional.empty();
            }
            element = children.get(0);
        }
        return Optional.of(element.getTextContent().strip());
    }

    /** @return the version the build's {@code <pluginManagement>} gives a plugin */
    Optional<String> managedPluginVersion(String artifactId) {
        Element plugins = path(path(path(project, "build"), "pluginManagement"), "plugins");
        return children(plugins, "plugin").stream()
                .filter(plugin -> text(plugin, "artifactId").equals(artifactId))
                .map(plugin -> text(plugin, "version"))
                .findFirst();
    }

    List<String> modules() {
        return texts(path(project, "modules"), "module");
    }

    Optional<String> property(String name) {
        return text("properties/" + name);
    }

    /** @return the {@code <dependencies>} of {@code <project>}, or of {@code <dependencyManagement>} */
    List<Dependency> dependencies(boolean managed) {
        Element parent = managed ? path(project, "dependencyManagement") : project;
        List<Dependency> dependencies = new ArrayList<>();
        for (Element dependency : children(path(parent, "dependencies"), "dependency")) {
            dependencies.add(new Dependency(text(dependency, "groupId"), text(dependency, "artifactId"),
                    text(dependency, "classifier"), text(dependency, "scope"),
                    "true".equals(text(dependency, "optional"))));
        }
        return dependencies;
    }

    private static Element path(Element from, String name) {
        if (from == null) {
            return null;
        }
        List<Element> children = children(from, name);
        return children.isEmpty() ? null : children.get(0);
    }

    private static String text(Element from, String name) {
        Element child = path(from, name);
        return child == null ? "" : child.getTextContent().strip();
    }

    private static List<String> texts(Element from, String name) {
        return children(from, name).stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static List<Element> children(Element from, String name) {
        List<Element> children = new ArrayList<>();
        if (from == null) {
            return children;
        }
        NodeList nodes = from.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                children.add(element);
            }
        }
        return children;
    }
}
