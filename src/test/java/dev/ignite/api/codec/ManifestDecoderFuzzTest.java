package dev.ignite.api.codec;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import dev.ignite.api.ApiObject;
import dev.ignite.testing.FuzzTarget;
import java.nio.charset.StandardCharsets;

/**
 * Any text, from the CLI or from Git, decodes to objects and located errors: no exception, no
 * StackOverflowError, no OutOfMemoryError. What it reads survives the store's round trip: encoded
 * as JSON or YAML and decoded again, each object is equal to itself.
 */
class ManifestDecoderFuzzTest {
  @FuzzTarget
  @DictionaryFile(resourcePath = "manifest.dict")
  void anyTextDecodesToObjectsOrLocatedErrors(byte[] input) {
    Decoded decoded =
        ManifestDecoder.decode("fuzz.yaml", new String(input, StandardCharsets.UTF_8));
    for (FieldError e : decoded.errors()) {
      if (!e.file().equals("fuzz.yaml") || e.line() < 1 || e.column() < 1) {
        throw new AssertionError("an error without its place: " + e);
      }
    }
    for (DecodedObject read : decoded.objects()) {
      roundTrips(read.object(), ManifestEncoder.toJson(read.object()));
      roundTrips(read.object(), ManifestEncoder.toYaml(read.object()));
    }
  }

  private static void roundTrips(ApiObject object, String encoded) {
    Decoded again = ManifestDecoder.decode("again", encoded);
    if (!again.ok() || !again.objects().get(0).object().equals(object)) {
      throw new AssertionError(
          "read back differently:\n" + encoded + "\n" + again.errors() + "\n" + object);
    }
  }
}
