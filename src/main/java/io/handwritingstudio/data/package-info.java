/**
 * Datasets: strict IDX reading/writing ({@link io.handwritingstudio.data.IdxReader}, {@link io.handwritingstudio.data.IdxWriter}),
 * the catalogue of known datasets ({@link io.handwritingstudio.data.DatasetCatalog}), a verifying download cache
 * ({@link io.handwritingstudio.data.DatasetFetcher}) and the entry point {@link io.handwritingstudio.data.DatasetRepository},
 * which always hands out upright images with class indices 0..k-1. No UI code here.
 */
package io.handwritingstudio.data;
