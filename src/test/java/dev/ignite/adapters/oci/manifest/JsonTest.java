package dev.ignite.adapters.oci.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.oci.registry.RegistryAuth;
import dev.ignite.ports.ImageException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The strictness that matters for documents a registry controls. */
class JsonTest {
  private static String token(String json) {
    return RegistryAuth.tokenOf(json.getBytes(StandardCharsets.UTF_8), "token from r");
  }

  @Test
  void refusesTextAfterTheDocument() {
    assertThatThrownBy(() -> token("{\"token\":\"t\"} x"))
        .isInstanceOf(ImageException.class)
        .hasMessageStartingWith("token from r: not valid JSON");
    assertThatThrownBy(() -> token("{\"token\":\"t\"}{\"token\":\"u\"}"))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("text after the document");
  }

  @Test
  void aFieldGivenTwiceIsRefusedNotPickedOne() {
    assertThatThrownBy(() -> token("{\"token\":\"a\",\"token\":\"b\"}"))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("Duplicate field 'token'");
  }

  @Test
  void capsNestingSoHostileInputCannotExhaustTheStack() {
    String deep = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertThatThrownBy(() -> token(deep))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void errorsNameLineAndColumn() {
    assertThatThrownBy(() -> token("{\n  \"a\": [1,\n   ]\n}"))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("at line 3, column 4");
  }

  @Test
  void anEmptyDocumentSaysSo() {
    assertThatThrownBy(() -> token(" \n"))
        .isInstanceOf(ImageException.class)
        .hasMessage("token from r: empty document, expected JSON");
  }

  @Test
  void unknownFieldsOfEveryKindAreSkipped() {
    assertThat(token("{\"x\":{\"y\":[1,2.5,null,true,{\"z\":\"w\"}]},\"token\":\"t\",\"n\":-1}"))
        .isEqualTo("t");
  }
}
