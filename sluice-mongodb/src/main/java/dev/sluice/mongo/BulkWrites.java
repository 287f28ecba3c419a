package dev.sluice.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.ClientSession;
import dev.sluice.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A stream of {@link Write}s sent as bulk writes of {@code chunkSize} writes each, one chunk at a
 * time (the next pulled when the last is written), and their reports summed. The session of a
 * transaction in the Context is used, as by every operation.
 */
final class BulkWrites<R> {
  private final TypedCollection<R> collection;

  BulkWrites(TypedCollection<R> collection) {
    this.collection = collection;
  }

  Mono<BulkReport> run(Publisher<Write<R>> writes, int chunkSize, boolean ordered) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be at least 1, was " + chunkSize);
    }
    BulkWriteOptions options = new BulkWriteOptions().ordered(ordered);
    return Mono.defer(() -> {
      long[] offset = {0};   // per subscription: where the next chunk starts in the stream of writes
      return Flux.from(writes).buffer(chunkSize)
          .concatMap(chunk -> Mono.defer(() -> {
            long base = offset[0];
            offset[0] += chunk.size();
            return chunk(chunk, options, base);
          }), 1)
          .takeUntil(r -> ordered && !r.complete())   // an ordered write stops at its first failure
          .reduce(BulkReport.EMPTY, BulkReport::plus);
    });
  }

  private Mono<BulkReport> chunk(List<Write<R>> chunk, BulkWriteOptions options, long base) {
    return Mono.defer(() -> {
      List<WriteModel<R>> models = new ArrayList<>(chunk.size());
      for (Write<R> w : chunk) {
        models.add(model(w));
      }
      return Mono.deferContextual(ctx -> Mono.from(ctx.<ClientSession>getOrEmpty(collection.sessionsKey())
              .<Publisher<BulkWriteResult>>map(s -> collection.typed().bulkWrite(s, models, options))
              .orElseGet(() -> collection.typed().bulkWrite(models, options))))
          .map(r -> report(r, List.of()))
          .onErrorResume(MongoBulkWriteException.class, e -> Mono.just(report(e, base, chunk, options.isOrdered())))
          .onErrorMap(e -> MongoErrors.translate(e, collection.name(), "bulkWrite"));
    });
  }

  private WriteModel<R> model(Write<R> write) {
    if (write instanceof Write.Insert<R> i) {
      return new InsertOneModel<>(collection.withId(i.document()));
    } else if (write instanceof Write.Replace<R> r) {
      return new ReplaceOneModel<>(r.filter().toBson(), r.document(), new ReplaceOptions());
    } else if (write instanceof Write.UpdateWrite<R> u) {
      UpdateOptions o = new UpdateOptions().upsert(u.update().isUpsert());
      return u.many() ? new UpdateManyModel<>(u.update().filterBson(), u.update().updateBson(), o)
          : new UpdateOneModel<>(u.update().filterBson(), u.update().updateBson(), o);
    } else if (write instanceof Write.Delete<R> d) {
      return d.many() ? new DeleteManyModel<>(d.filter().toBson()) : new DeleteOneModel<>(d.filter().toBson());
    }
    throw new IllegalStateException("unknown write " + write);
  }

  private static BulkReport report(BulkWriteResult r, List<WriteFailure> failures) {
    if (!r.wasAcknowledged()) {
      return new BulkReport(0, 0, 0, 0, 0, failures);
    }
    return new BulkReport(r.getInsertedCount(), r.getMatchedCount(), r.getModifiedCount(), r.getUpserts().size(),
        r.getDeletedCount(), failures);
  }

  /**
   * A chunk with write errors. The inserts are counted from the errors (an insert either succeeds
   * or has one; an ordered chunk tried the writes before its first error only), not from the
   * server's {@code n}, which not every server reports per document.
   */
  private BulkReport report(MongoBulkWriteException e, long base, List<Write<R>> chunk, boolean ordered) {
    List<WriteFailure> failures = new ArrayList<>();
    java.util.Set<Integer> failed = new java.util.HashSet<>();
    int tried = chunk.size();
    for (BulkWriteError error : e.getWriteErrors()) {
      MongoBulkWriteException one = new MongoBulkWriteException(e.getWriteResult(), List.of(error),
          e.getWriteConcernError(), e.getServerAddress(), e.getErrorLabels());
      failures.add(new WriteFailure((int) (base + error.getIndex()),
          (SluiceException) MongoErrors.translate(one, collection.name(), "bulkWrite")));
      failed.add(error.getIndex());
      tried = ordered ? Math.min(tried, error.getIndex()) : tried;
    }
    long inserted = 0;
    for (int i = 0; i < tried; i++) {
      if (chunk.get(i) instanceof Write.Insert<R> && !failed.contains(i)) {
        inserted++;
      }
    }
    BulkReport server = report(e.getWriteResult(), failures);
    return new BulkReport(inserted, server.matched(), server.modified(), server.upserted(), server.deleted(), failures);
  }
}
