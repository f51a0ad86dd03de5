/**
 * Network designs as data: a list of layers a learner can add, remove, reorder and edit, checked layer by layer
 * (shapes, parameters, multiply-adds, errors in words) without building anything. The engine turns a valid design
 * into a Deeplearning4j network ({@code model.NetworkFactory}); this package has no DL4J and no JavaFX in it.
 */
package io.handwritingstudio.model.design;
