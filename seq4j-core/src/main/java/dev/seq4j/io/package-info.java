/**
 * The ground floor: files that are either wholly written or not at all ({@code AtomicFiles}), temp
 * files that clean up after themselves ({@code TempFiles}), a full disk named as such ({@code
 * DiskFull}), the exclusive lock of a run directory ({@code RunLock}), and the safetensors weight
 * format with a reader that checks every declared length and offset against the file ({@code
 * SafeTensors}). Imports nothing of seq4j; every other package may use it.
 */
package dev.seq4j.io;
