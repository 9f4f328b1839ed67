package dev.rollback.examples;

import dev.rollback.annotation.Compensate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;

/**
 * Step 3: a TCP port bound on loopback. With {@code SO_REUSEPORT} (Linux), the agent's worker
 * binds the same port too, so the port outlives this process for agents that are kept. The step
 * returns the port's number, not the socket, so that a durable scope can journal it (D4): the
 * socket itself is this process's, and dies with it.
 */
public class Ports {

    private final Faults faults;
    private final Console console;
    private final java.util.Map<String, ServerSocket> socketsByAgent = new java.util.concurrent.ConcurrentHashMap<>();

    public Ports(Faults faults, Console console) {
        this.faults = faults;
        this.console = console;
    }

    @Compensate(value = "release", priority = 40)
    public int bind(String agent) throws IOException {
        faults.beforeStep(agent, Step.PORT);
        ServerSocket socket = new ServerSocket();
        try {
            if (socket.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                socket.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        socketsByAgent.put(agent, socket);
        console.step(agent, Step.PORT, "bound " + address(socket));
        return socket.getLocalPort();
    }

    /**
     * Closes this process's socket on the port. In recovery there is none: the process that bound
     * it is gone, and its socket with it (what still listens there is the worker, ended by its own step).
     */
    void release(int port, String agent) throws IOException {
        java.util.Optional<ServerSocket> socket = socketOf(agent).filter(s -> s.getLocalPort() == port);
        if (socket.isPresent()) {
            release(socket.get(), agent);
        } else {
            faults.beforeCompensation(agent, Step.PORT);
            console.undo(agent, Step.PORT, "nothing to close: port " + port + " was bound by a process that is gone");
        }
    }

    /** Also used to tear down an agent that was created earlier. */
    void release(ServerSocket socket, String agent) throws IOException {
        faults.beforeCompensation(agent, Step.PORT);
        socket.close();
        console.undo(agent, Step.PORT, "closed " + address(socket));
    }

    /** @return the port this process bound for the agent, even if it has been released since */
    java.util.Optional<Integer> portOf(String agent) {
        return socketOf(agent).map(ServerSocket::getLocalPort);
    }

    /** @return the socket this process bound for the agent, open or closed */
    java.util.Optional<ServerSocket> socketOf(String agent) {
        return java.util.Optional.ofNullable(socketsByAgent.get(agent));
    }

    static String address(ServerSocket socket) {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + socket.getLocalPort();
    }
}
