package dev.sluice.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import dev.sluice.error.ConnectionLostException;
import dev.sluice.error.QueryTimeoutException;
import dev.sluice.error.SerializationFailureException;
import dev.sluice.error.SluiceException;
import dev.sluice.error.TransientResourceException;
import dev.sluice.error.UncategorizedDatabaseException;
import dev.sluice.error.UniqueViolationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the driver's exceptions into Sluice's taxonomy: duplicate key (11000) to
 * {@link UniqueViolationException} naming the index, a write conflict (112) or an error labelled
 * {@code TransientTransactionError} to {@link SerializationFailureException} (retryable), a broken
 * socket to {@link ConnectionLostException}, no reachable server to
 * {@link TransientResourceException}, {@code maxTimeMS} to {@link QueryTimeoutException}, a server
 * without transactions to {@link dev.sluice.error.UnsupportedByDialectException}. The
 * statement slot ({@code sql()}) names the operation, e.g. {@code "users.insertOne"}; document
 * values are cut from the messages.
 */
final class MongoErrors {
  private static final Pattern INDEX = Pattern.compile("index: (\\S+)");
  private static final int DUPLICATE_KEY = 11000;
  private static final int WRITE_CONFLICT = 112;
  private static final int ILLEGAL_OPERATION = 20;

  private MongoErrors() {}

  static Throwable translate(Throwable t, String collection, String operation) {
    if (t instanceof SluiceException) {
      return t;
    }
    String op = collection + "." + operation;
    if (t instanceof MongoWriteException w) {
      return byCode(t, w.getError().getCode(), w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY,
          w.getError().getMessage(), collection, op);
    }
    if (t instanceof MongoBulkWriteException b && !b.getWriteErrors().isEmpty()) {
      var e = b.getWriteErrors().get(0);
      return byCode(t, e.getCode(), e.getCode() == DUPLICATE_KEY, e.getMessage(), collection, op);
    }
    if (t instanceof com.mongodb.MongoClientException && String.valueOf(t.getMessage()).contains("Sessions are not supported")
        || t instanceof MongoCommandException c && c.getErrorCode() == ILLEGAL_OPERATION
            && String.valueOf(c.getErrorMessage()).contains("Transaction numbers")) {
      return new dev.sluice.error.UnsupportedByDialectException("multi-document transactions are not supported by this"
          + " MongoDB server (they need a replica set or a sharded cluster): " + t.getMessage());
    }
    if (t instanceof MongoSocketException) {
      return new ConnectionLostException("connection to MongoDB lost during " + op,
          new MongoDriverError(t, -1, safe(t.getMessage())), op);
    }
    if (t instanceof MongoTimeoutException) {
      return new TransientResourceException("no MongoDB server reachable for " + op,
          new MongoDriverError(t, -1, safe(t.getMessage())), op);
    }
    if (t instanceof MongoExecutionTimeoutException m) {
      return new QueryTimeoutException(op + " exceeded its time limit",
          new MongoDriverError(t, m.getCode(), safe(t.getMessage())), op);
    }
    if (t instanceof MongoException m) {
      if (m.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL) || m.getCode() == WRITE_CONFLICT) {
        return new SerializationFailureException(op + " lost a write conflict with another transaction"
            + " (code " + m.getCode() + "); running the transaction again may succeed",
            new MongoDriverError(t, m.getCode(), safe(t.getMessage())), op);
      }
      String message = t instanceof MongoCommandException c ? c.getErrorMessage() : t.getMessage();
      return byCode(t, m.getCode(), m.getCode() == DUPLICATE_KEY, message, collection, op);
    }
    return t;
  }

  private static SluiceException byCode(Throwable t, int code, boolean duplicate, String message, String collection,
      String op) {
    if (duplicate || code == DUPLICATE_KEY) {
      Matcher m = INDEX.matcher(message == null ? "" : message);
      String index = m.find() ? m.group(1) : null;
      return new UniqueViolationException("duplicate key in collection '" + collection + "'"
          + (index == null ? "" : " on index '" + index + "'") + " during " + op,
          new MongoDriverError(t, code, safe(message)), op, collection, null, index);
    }
    if (code == WRITE_CONFLICT) {
      return new SerializationFailureException(op + " lost a write conflict (code 112)",
          new MongoDriverError(t, code, safe(message)), op);
    }
    return new UncategorizedDatabaseException(op + " failed (code " + code + "): " + safe(message),
        new MongoDriverError(t, code, safe(message)), op);
  }

  /** The message without the values MongoDB quotes ({@code dup key: { email: "a@x" }}). */
  static String safe(String message) {
    if (message == null) {
      return "";
    }
    int i = message.indexOf(" dup key:");
    return i < 0 ? message : message.substring(0, i) + " dup key: {…}";
  }
}
