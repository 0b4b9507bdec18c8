package dev.ignite.api.codec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.ComposerException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Stands between snakeyaml-engine's parser and its composer and refuses, at the event's position, a
 * node tree deeper than {@link #MAX_DEPTH} or one that contains itself. The composer (and our
 * readers after it) recurse once per level, so 5,000 nested brackets used to end in a
 * StackOverflowError, and a cyclic alias in endless recursion. An alias weighs as much as the node
 * it names, so aliases cannot stack up a deep tree from shallow pieces either. A node the composer
 * cannot build is a located error too.
 */
final class NestingGuard implements Parser {
  static final int MAX_DEPTH = 100;
  private static final int OPEN = -1;

  private final Parser parser;

  /** The collections being read, innermost first: the depth is their number. */
  private final Deque<Level> levels = new ArrayDeque<>();

  /** Each anchor's height in levels of collections (0: a scalar), OPEN while it is being read. */
  private final Map<String, Integer> anchors = new HashMap<>();

  private Event last;

  private NestingGuard(Parser parser) {
    this.parser = parser;
  }

  /** Every document of {@code text}, composed behind the guard. */
  static Iterable<Node> composeAll(LoadSettings settings, String text) {
    return () -> {
      NestingGuard guard =
          new NestingGuard(new ParserImpl(settings, new StreamReader(settings, text)));
      Composer composer = new Composer(settings, guard);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return guard.located(composer::hasNext);
        }

        @Override
        public Node next() {
          return guard.located(composer::next);
        }
      };
    };
  }

  /**
   * The composer throws IllegalArgumentException where it cannot build a node from an event (a tag
   * such as {@code !5%c} at the end of the text): that is a YAML error too, at the last event read.
   */
  private <T> T located(Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new ComposerException(
          "the reader refused this node: " + e.getMessage(),
          last == null ? Optional.empty() : last.getStartMark());
    }
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return parser.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    Event event = parser.next();
    last = event;
    switch (event.getEventId()) {
      case SequenceStart, MappingStart -> open((NodeEvent) event);
      case SequenceEnd, MappingEnd -> close();
      case Scalar -> leaf(((NodeEvent) event).getAnchor(), 0);
      case Alias -> alias((AliasEvent) event);
      default -> {}
    }
    return event;
  }

  private void open(NodeEvent event) {
    if (levels.size() >= MAX_DEPTH) {
      throw refused(event, "nested more than " + MAX_DEPTH + " levels deep");
    }
    event.getAnchor().ifPresent(a -> anchors.put(a.getValue(), OPEN));
    levels.push(new Level(event.getAnchor()));
  }

  private void close() {
    Level done = levels.pop();
    leaf(done.anchor, done.height + 1);
  }

  private void alias(AliasEvent event) {
    Integer height = anchors.get(event.getAlias().getValue());
    if (height == null) {
      return; // an undefined alias: the composer reports it
    }
    if (height == OPEN) {
      throw refused(
          event, "the alias *" + event.getAlias().getValue() + " is inside the node it names");
    }
    if (levels.size() + height > MAX_DEPTH) {
      throw refused(event, "nested more than " + MAX_DEPTH + " levels deep");
    }
    leaf(Optional.empty(), height);
  }

  /** A finished node of {@code height} levels: its anchor and its parent learn how tall it is. */
  private void leaf(Optional<Anchor> anchor, int height) {
    anchor.ifPresent(a -> anchors.put(a.getValue(), height));
    Level parent = levels.peek();
    if (parent != null) {
      parent.height = Math.max(parent.height, height);
    }
  }

  private static ComposerException refused(Event event, String problem) {
    return new ComposerException(problem, event.getStartMark());
  }

  private static final class Level {
    final Optional<Anchor> anchor;
    int height;

    Level(Optional<Anchor> anchor) {
      this.anchor = anchor;
    }
  }
}
