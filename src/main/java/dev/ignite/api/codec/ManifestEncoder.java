package dev.ignite.api.codec;

import dev.ignite.api.ApiObject;
import dev.ignite.api.VmStatus;
import java.util.Map;

/**
 * Writes objects as apiVersion ignite.weave.works/v1alpha4, in a fixed key order. The tree form is
 * an ordered map of String, Long, Boolean, List and Map, shared by the YAML and JSON writers and by
 * the status patcher.
 */
public final class ManifestEncoder {
  private ManifestEncoder() {}

  public static Map<String, Object> toTree(ApiObject object) {
    throw new UnsupportedOperationException("TODO");
  }

  public static Map<String, Object> statusTree(VmStatus status) {
    throw new UnsupportedOperationException("TODO");
  }

  public static String toYaml(ApiObject object) {
    throw new UnsupportedOperationException("TODO");
  }

  public static String toJson(ApiObject object) {
    throw new UnsupportedOperationException("TODO");
  }
}
