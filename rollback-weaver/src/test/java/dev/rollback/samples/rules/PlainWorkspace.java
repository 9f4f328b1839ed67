package dev.rollback.samples.rules;

import org.apache.commons.io.FileUtils;

import java.io.File;
import java.io.IOException;

/** Carries no annotation: only a rules file makes it atomic. */
public class PlainWorkspace {

    public void create(File root) throws IOException {
        FileUtils.forceMkdir(new File(root, "cache"));
        FileUtils.forceMkdir(new File(root, "logs"));
        throw new IOException("disk full");
    }
}
