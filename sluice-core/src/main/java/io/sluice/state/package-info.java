/**
 * The state store: a versioned key-value store per (stateful operator, partition) whose version
 * follows the micro-batch id. {@link io.sluice.state.StateStoreProvider} is the SPI (chosen by
 * {@code sluice.sql.streaming.stateStore.providerClass}); {@link
 * io.sluice.state.InMemoryStateStoreProvider} is the default: the latest version in memory, each
 * commit written as a compressed delta file, snapshots written by background maintenance.
 *
 * <p>Keys and values are opaque byte arrays (rows encoded by the stateful operators with a schema
 * recorded in the checkpoint); nothing is Java-serialized. Depends on config and errors.
 */
package io.sluice.state;
