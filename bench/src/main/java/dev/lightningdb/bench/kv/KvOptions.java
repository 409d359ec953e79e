package dev.lightningdb.bench.kv;

/**
 * How a {@link KvSystem} is opened for one workload.
 *
 * @param durable    whether {@link KvSystem#durablePut} is used: engines whose sync policy is an
 *                   open-time setting (LMDB, LightningDB) open in their synchronous mode
 * @param cacheBytes size of the engine's own cache, where it has one
 * @param dataBytes  logical size of the data set (keys + values), for sizing map files
 */
public record KvOptions(boolean durable, long cacheBytes, long dataBytes) {
}
