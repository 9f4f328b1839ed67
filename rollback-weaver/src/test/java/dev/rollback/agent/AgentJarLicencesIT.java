package dev.rollback.agent;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The agent jar carries what the licences of the libraries it bundles ask for")
class AgentJarLicencesIT {

    private static final Path ROOT = Path.of("..");

    @Test
    void carriesRollbacksLicenceAndNoticeAndTheBundledLibrariesLicences() throws IOException {
        try (JarFile agent = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            assertThat(entry(agent, "META-INF/LICENSE")).isEqualTo(Files.readString(ROOT.resolve("LICENSE")));
            assertThat(entry(agent, "META-INF/NOTICE")).isEqualTo(Files.readString(ROOT.resolve("NOTICE")))
                    .contains("Byte Buddy", "Copyright 2014 - Present Rafael Winterhalter", "ASM", "SLF4J", "QOS.ch");
            // Byte Buddy's own copy of ASM's BSD licence, and SLF4J's MIT licence, whose notice must travel with it
            assertThat(entry(agent, "META-INF/licenses/ASM")).contains("INRIA", "Redistribution and use in source and binary forms");
            assertThat(entry(agent, "META-INF/licenses/SLF4J")).contains("QOS.ch", "Permission is hereby granted");
        }
    }

    private static String entry(JarFile jar, String name) throws IOException {
        var entry = jar.getJarEntry(name);
        assertThat(entry).as(name + " in " + jar.getName()).isNotNull();
        try (var in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
