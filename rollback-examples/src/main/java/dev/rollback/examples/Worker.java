package dev.rollback.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent's worker process: {@code rollback-demo-worker AGENT PORT READY_FILE}. It shares the
 * agent's port (when the platform allows) and answers each connection with the agent's name, until
 * it is ended.
 */
public final class Worker {

    /** The word every worker's command line carries, so that it can be found. */
    public static final String MARKER = "rollback-demo-worker";

    private Worker() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 4 || !MARKER.equals(args[0])) {
            System.err.println("usage: " + MARKER + " AGENT PORT READY_FILE");
            System.exit(2);
        }
        String agent = args[1];
        int port = Integer.parseInt(args[2]);
        Path ready = Path.of(args[3]);
        ServerSocket socket = null;
        if (port > 0) {
            socket = new ServerSocket();
            socket.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        Files.writeString(ready, Long.toString(ProcessHandle.current().pid()));
        if (socket == null) {
            Thread.sleep(Long.MAX_VALUE);
        }
        while (true) {
            try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
                out.write(("agent " + agent + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
