package dev.ignite.core;

import java.util.random.RandomGenerator;

/** Readable names for VMs created without one, in Ignite's adjective-noun style. */
final class VmNames {
  private static final String[] ADJECTIVES = {
    "amber", "bold", "brave", "calm", "crimson", "eager", "fancy", "gentle", "golden", "happy",
    "jolly", "keen", "lively", "lucky", "mellow", "misty", "noble", "proud", "quiet", "rapid",
    "silent", "snowy", "solid", "sunny", "swift", "tidy", "vivid", "wild", "witty", "young"
  };
  private static final String[] NOUNS = {
    "aurora", "breeze", "brook", "cloud", "comet", "dawn", "dune", "ember", "falcon", "fern",
    "firefly", "forest", "glade", "harbor", "lake", "meadow", "moon", "otter", "pine", "rain",
    "river", "shadow", "sky", "sparrow", "star", "stone", "sun", "thunder", "wave", "willow"
  };

  private VmNames() {}

  static String generate(RandomGenerator random) {
    return ADJECTIVES[random.nextInt(ADJECTIVES.length)]
        + "-"
        + NOUNS[random.nextInt(NOUNS.length)];
  }
}
