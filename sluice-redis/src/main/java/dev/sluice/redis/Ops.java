package dev.sluice.redis;

import dev.sluice.redis.internal.Exec;

/** The typed operations on one target (the store, or a transaction's connection). */
abstract class Ops {
  final Exec exec;

  Ops(Exec exec) {
    this.exec = exec;
  }

  /** Plain values of a key family: get, set with TTL, getDel, setIfAbsent, ... */
  public <V> ValueOps<V> value(RedisKey<V> key) { return new ValueOps<>(exec, key); }

  /** Counters of a key family: increment, decrement. */
  public CounterOps counter(RedisKey<Long> key) { return new CounterOps(exec, key); }

  /** Records stored field by field as hashes. */
  public <R extends Record> HashOps<R> hash(RedisHash<R> hash) { return new HashOps<>(exec, hash); }

  /** Lists of the key's type. */
  public <V> ListOps<V> list(RedisKey<V> key) { return new ListOps<>(exec, key); }

  /** Sets of the key's type. */
  public <V> SetOps<V> set(RedisKey<V> key) { return new SetOps<>(exec, key); }

  /** Sorted sets of the key's type, with scores. */
  public <V> SortedSetOps<V> sortedSet(RedisKey<V> key) { return new SortedSetOps<>(exec, key); }

  /** A run of a Lua script: add its keys and arguments, then {@code run()}. */
  public <T> ScriptCall<T> script(RedisScript<T> script) {
    return new ScriptCall<>(exec, script, java.util.List.of(), java.util.List.of());
  }
}
