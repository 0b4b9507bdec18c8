package dev.ignite.adapters.store;

import dev.ignite.api.ApiObject;
import dev.ignite.api.codec.Decoded;
import dev.ignite.api.codec.ManifestDecoder;
import dev.ignite.api.codec.ManifestEncoder;
import dev.ignite.ports.StoreException;
import java.nio.file.Path;

/** Object files are the codec's v1alpha4 JSON, so the store needs no serializer of its own. */
final class ObjectFileCodec {

  String encode(ApiObject object) {
    return ManifestEncoder.toJson(object);
  }

  <T extends ApiObject> T decode(Class<T> type, Path file, String text) {
    if (type == dev.ignite.api.Vm.class) {
      java.util.Optional<dev.ignite.api.Vm> fast = FastVmReader.read(text);
      if (fast.isPresent()) {
        return type.cast(fast.get());
      }
    }
    Decoded decoded = ManifestDecoder.decode(file.toString(), text);
    if (!decoded.ok()) {
      throw new StoreException(
          "the store file "
              + file
              + " is damaged (fix or remove it):\n"
              + String.join("\n", decoded.errors().stream().map(Object::toString).toList()),
          null);
    }
    if (decoded.objects().size() != 1 || !type.isInstance(decoded.objects().get(0).object())) {
      throw new StoreException(
          "the store file " + file + " does not hold one " + type.getSimpleName(), null);
    }
    return type.cast(decoded.objects().get(0).object());
  }
}
