package dev.ignite.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.Names;
import org.junit.jupiter.api.Test;

class ObjectNamesTest {
  @Test
  void turnsReferencesIntoDnsNames() {
    assertThat(ObjectNames.fromReference("oci:/tmp/sample:1")).isEqualTo("oci-tmp-sample-1");
    assertThat(ObjectNames.fromReference("127.0.0.1:5000/Sample:1"))
        .isEqualTo("127-0-0-1-5000-sample-1");
    assertThat(ObjectNames.fromReference("6.1.0-56-amd64")).isEqualTo("6-1-0-56-amd64");
  }

  @Test
  void keepsTheTailOfALongReferenceAndAlwaysGivesAValidName() {
    String name = ObjectNames.fromReference("oci:/" + "very-long-folder/".repeat(10) + "app:2");

    assertThat(name).endsWith("app-2").hasSizeLessThanOrEqualTo(63);
    assertThat(Names.isValid(name)).isTrue();
    assertThat(ObjectNames.fromReference(":::")).isEqualTo("unnamed");
  }
}
