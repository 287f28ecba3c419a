package dev.sluice.r2dbc.vertx;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy in front of the local PostgreSQL that records the type of every frontend (client to server) message
 * it forwards, and the text of each simple-protocol query ({@code 'Q'}): what a driver really sends, read off the
 * wire. A message is recorded before it is forwarded, so once the driver has the server's answer to it, it is in
 * {@link #types()}. Plain sockets on threads of its own: a test fixture, never on a Reactor thread.
 */
final class FrontendMessages implements AutoCloseable {
    private final ServerSocket server;
    private final List<Character> types = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    FrontendMessages() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "frontend-messages-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The types of the messages sent since the last {@link #clear()}, in order. */
    synchronized List<Character> types() {
        return List.copyOf(types);
    }

    /** The simple-protocol queries sent since the last {@link #clear()}, in order. */
    synchronized List<String> queries() {
        return List.copyOf(queries);
    }

    /** How many messages of {@code type} were sent since the last {@link #clear()}. */
    synchronized long count(char type) {
        return types.stream().filter(t -> t == type).count();
    }

    synchronized void clear() {
        types.clear();
        queries.clear();
    }

    private synchronized void record(char type, byte[] body) {
        types.add(type);
        if (type == 'Q') {
            queries.add(new String(body, 0, Math.max(0, body.length - 1), StandardCharsets.UTF_8));
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(TestDatabase.HOST, TestDatabase.PORT);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                synchronized (this) {
                    sockets.add(client);
                    sockets.add(upstream);
                }
                start(() -> frontend(client, upstream));
                start(() -> pipe(upstream, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "frontend-messages-pipe");
        t.setDaemon(true);
        t.start();
    }

    /** Reads the client's messages one by one: the startup message (no type byte), then type, length, body. */
    private void frontend(Socket client, Socket upstream) {
        try (DataInputStream in = new DataInputStream(client.getInputStream())) {
            OutputStream out = upstream.getOutputStream();
            int length = in.readInt();
            out.write(ByteBuffer.allocate(length).putInt(length).put(in.readNBytes(length - 4)).array());
            while (true) {
                int type = in.read();
                if (type < 0) {
                    break;
                }
                length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                record((char) type, body);
                out.write(ByteBuffer.allocate(1 + length).put((byte) type).putInt(length).put(body).array());
            }
        } catch (IOException closed) {
            // the connection ended
        } finally {
            closeQuietly(upstream);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream()) {
            in.transferTo(to.getOutputStream());
        } catch (IOException closed) {
            // the connection ended
        } finally {
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (this) {
            sockets.forEach(FrontendMessages::closeQuietly);
        }
    }
}
