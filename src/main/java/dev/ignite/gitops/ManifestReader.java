package dev.ignite.gitops;

import dev.ignite.api.Vm;
import dev.ignite.api.codec.Decoded;
import dev.ignite.api.codec.DecodedObject;
import dev.ignite.api.codec.FieldError;
import dev.ignite.api.codec.ManifestDecoder;
import dev.ignite.api.codec.VmDocuments;
import dev.ignite.core.reconcile.DesiredState;
import dev.ignite.core.reconcile.DesiredState.Problem;
import dev.ignite.core.reconcile.DesiredVm;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the desired VMs from every {@code .yaml}, {@code .yml} and {@code .json} file under the
 * given folders of a checkout. A file that does not decode in full is skipped as a whole and
 * reported with its line; other kinds (a Kubernetes Deployment) are passed over.
 */
public final class ManifestReader {
  /** A VM file is a few hundred bytes; anything this big is not one. */
  static final long MAX_FILE_BYTES = 1 << 20;

  private final ManifestFiles files;

  public ManifestReader(ManifestFiles files) {
    this.files = files;
  }

  public DesiredState read(Path root) {
    List<DesiredVm> vms = new ArrayList<>();
    Set<String> broken = new HashSet<>();
    List<Problem> problems = new ArrayList<>();
    for (ManifestFiles.Found found : files.list(root)) {
      String file = found.relative();
      if (found.problem().isPresent()) {
        broken.add(file);
        problems.add(Problem.of(file, found.problem().get(), Optional.empty()));
        continue;
      }
      Optional<String> text = readText(found.path(), file, problems);
      if (text.isEmpty()) {
        broken.add(file);
        continue;
      }
      Decoded decoded = ManifestDecoder.decode(file, text.get());
      if (!decoded.ok()) {
        broken.add(file);
        problems.addAll(located(file, text.get(), decoded.errors()));
        continue;
      }
      for (DecodedObject o : decoded.objects()) {
        if (o.object() instanceof Vm vm) {
          vms.add(new DesiredVm(file, o.apiVersion(), vm));
        }
      }
    }
    return new DesiredState(vms, broken, problems);
  }

  private static Optional<String> readText(Path path, String file, List<Problem> problems) {
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        problems.add(Problem.of(file, "larger than 1 MiB: not a VM file", Optional.empty()));
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(path);
      return Optional.of(
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      problems.add(Problem.of(file, "not UTF-8 text", Optional.empty()));
    } catch (IOException e) {
      problems.add(Problem.of(file, "cannot read: " + e.getMessage(), Optional.empty()));
    }
    return Optional.empty();
  }

  /** Each error tied to the VM document it falls in, when the file reads as YAML that far. */
  private static List<Problem> located(String file, String text, List<FieldError> errors) {
    List<VmDocuments.VmDocument> docs = VmDocuments.of(text);
    List<Problem> out = new ArrayList<>();
    for (FieldError e : errors) {
      Optional<String> name =
          docs.stream()
              .filter(d -> d.holds(e.line()))
              .map(VmDocuments.VmDocument::name)
              .findFirst();
      String where = e.path().isEmpty() ? "" : e.path() + ": ";
      out.add(new Problem(file, e.line(), e.column(), where + e.message(), name));
    }
    return out;
  }
}
