package dev.ignite.api.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Takes one VM's document out of a multi-document file, leaving every other byte as written: a
 * document runs from its {@code ---} line to the next one's. The result is read back and given only
 * if it holds exactly the other documents, so a file whose layout this cannot handle is left alone.
 */
public final class DocumentRemoval {
  private DocumentRemoval() {}

  /** The file without VM {@code name}'s document; empty when that cannot be done safely. */
  public static Optional<String> without(String text, String name) {
    List<VmDocuments.VmDocument> vms = VmDocuments.of(text);
    if (vms.stream().filter(d -> d.name().equals(name)).count() != 1) {
      return Optional.empty();
    }
    try {
      List<Integer> starts = documentStartLines(text);
      List<Node> docs = documents(text);
      if (starts.size() != docs.size()) {
        return Optional.empty();
      }
      int index = indexOf(docs, name);
      List<String> lines = text.lines().toList();
      boolean endsWithBreak = text.endsWith("\n");
      int from = index == 0 ? 0 : starts.get(index);
      int to = index + 1 < starts.size() ? starts.get(index + 1) : lines.size();
      List<String> kept = new ArrayList<>(lines.subList(0, from));
      kept.addAll(lines.subList(to, lines.size()));
      String result = kept.isEmpty() ? "" : String.join("\n", kept) + (endsWithBreak ? "\n" : "");
      return sameOthers(vms, result, name, docs.size()) ? Optional.of(result) : Optional.empty();
    } catch (YamlEngineException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /** True when nothing but blank lines and comments is left: the file can go. */
  public static boolean holdsNothing(String text) {
    return text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
  }

  /** 0-based line of each document's start: its {@code ---} marker, or its first content. */
  private static List<Integer> documentStartLines(String text) {
    List<Integer> starts = new ArrayList<>();
    for (Event e : new Parse(ManifestDecoder.SETTINGS).parseString(text)) {
      if (e instanceof DocumentStartEvent start) {
        boolean atLineStart = start.getStartMark().map(m -> m.getColumn() == 0).orElse(false);
        if (start.isExplicit() && !atLineStart) {
          throw new YamlEngineException("a document marker not at the start of its line");
        }
        starts.add(start.getStartMark().map(m -> m.getLine()).orElse(0));
      }
    }
    return starts;
  }

  private static List<Node> documents(String text) {
    List<Node> docs = new ArrayList<>();
    new Compose(ManifestDecoder.SETTINGS).composeAllFromString(text).forEach(docs::add);
    return docs;
  }

  private static int indexOf(List<Node> docs, String name) {
    for (int i = 0; i < docs.size(); i++) {
      if (name.equals(VmDocuments.vmName(docs.get(i)))) {
        return i;
      }
    }
    throw new YamlEngineException("VM " + name + " not found");
  }

  private static boolean sameOthers(
      List<VmDocuments.VmDocument> before, String after, String name, int count) {
    if (holdsNothing(after)) {
      return count == 1;
    }
    List<String> left = new ArrayList<>(before.stream().map(VmDocuments.VmDocument::name).toList());
    left.remove(name);
    List<String> actual = VmDocuments.of(after).stream().map(VmDocuments.VmDocument::name).toList();
    return actual.equals(left) && documents(after).size() == count - 1;
  }
}
