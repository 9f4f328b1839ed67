package dev.rollback.durable.internal.jdbc;

import org.h2.tools.Server;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;

/**
 * An H2 TCP server on a free loopback port, holding in-memory databases, so that a child JVM
 * reaches the same database; stopped once every test class of the run is done.
 */
public final class H2Server implements BeforeAllCallback {

    private static Running running;

    /** The started server. */
    public record Running(Server server, int port) implements ExtensionContext.Store.CloseableResource {
        public String url(String database) {
            return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + database + ";DB_CLOSE_DELAY=-1";
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    public static Running running() {
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException, IOException {
        synchronized (H2Server.class) {
            if (running == null) {
                int port;
                try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = socket.getLocalPort();
                }
                Server server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists").start();
                running = new Running(server, port);
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(H2Server.class, running);
            }
        }
    }
}
