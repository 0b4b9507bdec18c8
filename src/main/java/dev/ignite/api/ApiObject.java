package dev.ignite.api;

/** An object of API group ignite.weave.works. */
public sealed interface ApiObject permits Vm, Image, Kernel, Configuration {
  String GROUP = "ignite.weave.works";

  /** The version we write. v1alpha2 and v1alpha3 are read too. */
  String WRITE_VERSION = "v1alpha4";

  ObjectMeta metadata();

  Kind kind();
}
