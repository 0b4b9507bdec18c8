package dev.ignite.ports;

import dev.ignite.api.ApiObject;
import java.util.List;

/** The matching rules behind {@link StateStore#find}, kept apart so every store shares them. */
public final class ObjectLookup {
  private ObjectLookup() {}

  public static <T extends ApiObject> T find(List<T> objects, Class<T> type, String ref) {
    String kind = kindName(type);
    if (ref == null || ref.isEmpty()) {
      throw new LookupException("no " + kind + " named: give a name or a uid prefix");
    }
    for (T o : objects) {
      if (ref.equals(o.metadata().name()) || ref.equals(uidOf(o))) {
        return o;
      }
    }
    List<T> byPrefix = objects.stream().filter(o -> uidOf(o).startsWith(ref)).toList();
    if (byPrefix.size() == 1) {
      return byPrefix.get(0);
    }
    if (byPrefix.isEmpty()) {
      throw new LookupException(
          "no " + kind + " with name or uid prefix \"" + ref + "\" (see `ignite ps -a`)");
    }
    StringBuilder b = new StringBuilder();
    for (T o : byPrefix) {
      b.append(b.length() == 0 ? "" : ", ")
          .append(uidOf(o))
          .append(" (")
          .append(o.metadata().name())
          .append(')');
    }
    throw new LookupException(
        "uid prefix \""
            + ref
            + "\" is ambiguous, it matches "
            + byPrefix.size()
            + " "
            + kind
            + "s: "
            + b
            + "; give more characters or the name");
  }

  private static String uidOf(ApiObject o) {
    return o.metadata().uid() == null ? "" : o.metadata().uid().value();
  }

  static String kindName(Class<?> type) {
    return switch (type.getSimpleName()) {
      case "Vm" -> "VM";
      default -> type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
