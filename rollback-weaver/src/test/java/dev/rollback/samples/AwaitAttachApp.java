package dev.rollback.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Runs a failing scope, waits until someone attaches an agent and says so on stdin, then runs it again. */
public final class AwaitAttachApp {

    private AwaitAttachApp() {
    }

    public static void main(String[] args) throws IOException {
        Orchestrator orchestrator = new Orchestrator();
        AttachApp.failOnce(orchestrator, "before attach");
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        AttachApp.failOnce(orchestrator, "after attach");
    }
}
