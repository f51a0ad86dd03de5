/**
 * Files done safely, for every package: atomic writes that never leave a half-written file where a good one was,
 * and reads that refuse special files (a FIFO would hang a read forever) and anything larger than its limit.
 */
package io.handwritingstudio.files;
