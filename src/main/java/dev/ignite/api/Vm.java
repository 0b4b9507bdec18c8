package dev.ignite.api;

/** A virtual machine: what the user wants (spec) and what the host observed (status). */
public record Vm(ObjectMeta metadata, VmSpec spec, VmStatus status) implements ApiObject {
  public Vm {
    status = status == null ? VmStatus.EMPTY : status;
  }

  @Override
  public Kind kind() {
    return Kind.VM;
  }

  public String name() {
    return metadata.name();
  }

  public Uid uid() {
    return metadata.uid();
  }

  public Vm withMetadata(ObjectMeta m) {
    return new Vm(m, spec, status);
  }

  public Vm withSpec(VmSpec s) {
    return new Vm(metadata, s, status);
  }

  public Vm withStatus(VmStatus s) {
    return new Vm(metadata, spec, s);
  }
}
