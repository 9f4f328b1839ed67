package dev.rollback.examples;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A created agent and the resources it holds.
 *
 * @param name        its name, also its workspace's directory name
 * @param workspace   its workspace
 * @param portSocket  this process's socket on its port, or {@code null} when loaded from the registry
 * @param port        its port on loopback
 * @param worker      its worker process
 * @param workerStart when the worker started: with the pid, what identifies it
 * @param window      its tmux window id, or {@code null} without tmux
 */
public record Agent(String name, Path workspace, ServerSocket portSocket, int port, ProcessHandle worker,
                    Instant workerStart, String window) {
}
