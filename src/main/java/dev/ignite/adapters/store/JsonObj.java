package dev.ignite.adapters.store;

import dev.ignite.api.Size;
import dev.ignite.api.Uid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One JSON object read by {@link FastVmReader}: typed getters that throw on any surprise, and
 * {@link #finish} that throws when a key was never read, so no field is ever dropped silently.
 */
final class JsonObj {
  private final Map<String, Object> map;
  private final Set<String> taken = new HashSet<>();

  private JsonObj(Map<String, Object> map) {
    this.map = map;
  }

  @SuppressWarnings("unchecked")
  static JsonObj of(Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("not an object");
    }
    return new JsonObj((Map<String, Object>) value);
  }

  Object take(String key) {
    taken.add(key);
    return map.get(key);
  }

  String string(String key) {
    return cast(take(key), String.class);
  }

  boolean bool(String key) {
    Boolean b = cast(take(key), Boolean.class);
    return b != null && b;
  }

  Integer integer(String key) {
    Long l = cast(take(key), Long.class);
    return l == null ? null : Math.toIntExact(l);
  }

  Size size(String key) {
    String s = string(key);
    return s == null ? null : Size.parse(s);
  }

  Instant time(String key) {
    String s = string(key);
    return s == null ? null : Times.parse(s);
  }

  Uid uid(String key) {
    String s = string(key);
    return s == null ? null : new Uid(s);
  }

  JsonObj obj(String key) {
    return of(take(key));
  }

  Optional<JsonObj> objOpt(String key) {
    Object v = take(key);
    return v == null ? Optional.empty() : Optional.of(of(v));
  }

  Map<String, String> stringMap(String key) {
    Object v = take(key);
    if (v == null) {
      return Map.of();
    }
    JsonObj o = of(v);
    o.map.values().forEach(x -> cast(x, String.class));
    @SuppressWarnings("unchecked")
    Map<String, String> strings = (Map<String, String>) (Map<?, ?>) o.map;
    return strings;
  }

  /** A list of objects mapped by {@code each}, or of strings when {@code each} is null. */
  <T> List<T> list(String key, Function<JsonObj, T> each) {
    Object v = take(key);
    if (v == null) {
      return null;
    }
    List<T> out = new ArrayList<>();
    for (Object item : cast(v, List.class)) {
      @SuppressWarnings("unchecked")
      T t = each == null ? (T) cast(item, String.class) : each.apply(of(item));
      out.add(t);
    }
    return out;
  }

  <T> T finishWith(T value) {
    finish();
    return value;
  }

  void finish() {
    if (!taken.containsAll(map.keySet())) {
      throw new IllegalArgumentException("unexpected keys");
    }
  }

  private static <T> T cast(Object v, Class<T> type) {
    if (v != null && !type.isInstance(v)) {
      throw new IllegalArgumentException("want " + type.getSimpleName());
    }
    return type.cast(v);
  }
}
