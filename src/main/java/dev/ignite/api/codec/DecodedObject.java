package dev.ignite.api.codec;

import dev.ignite.api.ApiObject;

/**
 * An object read from a manifest, with where it was: the 0-based document index in a multi-document
 * file, the apiVersion it was written in, and the 1-based line it starts on.
 */
public record DecodedObject(ApiObject object, int documentIndex, String apiVersion, int line) {}
