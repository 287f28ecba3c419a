package dev.sluice.mongo.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.sluice.mongo.MongoStore;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;

/**
 * mongo-java-server (an in-process MongoDB wire-protocol server, memory backend) on an ephemeral
 * port, a store on it connected with the real Reactive Streams driver, a database name unique to
 * the run, and the commands the driver sent (for cursor assertions).
 */
public final class InProcessMongo implements AutoCloseable {
  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final InetSocketAddress address;
  /** A command the driver sent: its name and a copy of its document (the event's own is released after sending). */
  public record Sent(String name, BsonDocument command) {}

  private final List<Sent> commands = new CopyOnWriteArrayList<>();
  private final MongoStore store;
  private final String database = "sluice_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  public InProcessMongo() {
    address = server.bind();
    store = MongoStore.connect(settings(), database);
  }

  public MongoClientSettings settings() {
    return MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(connectionString()))
        .addCommandListener(new CommandListener() {
          @Override public void commandStarted(CommandStartedEvent event) {
            commands.add(new Sent(event.getCommandName(), event.getCommand().clone()));
          }
        })
        .build();
  }

  public String connectionString() {
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  public MongoStore store() { return store; }

  public String database() { return database; }

  /** The commands sent so far with this name ({@code find}, {@code getMore}, {@code killCursors}). */
  public List<Sent> commands(String name) {
    return commands.stream().filter(c -> c.name().equals(name)).toList();
  }

  /** Stops the server, closing every client connection. */
  public void shutdownServer() { server.shutdownNow(); }

  @Override public void close() {
    store.close();
    server.shutdownNow();
  }
}
