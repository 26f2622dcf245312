package dev.apojwt.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apojwt.sample.api.AuthApi.TokenResponse;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void refusesAnythingButOneJsonObjectWithA400() {
    for (String body :
        new String[] {
          "",
          " ",
          "{",
          "{\"a\":1} trailing",
          "[1]",
          "\"text\"",
          "null",
          "{\"a\":1,\"a\":2}",
          "{'a':1}",
          "[".repeat(100) + "]".repeat(100),
          "{\"password\": \"hunter2\""
        }) {
      ApiError e = assertThrows(ApiError.class, () -> Json.parseObject(body), body);
      assertEquals(400, e.status());
      assertEquals("bad_request", e.error());
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
  }

  @Test
  void checksFields() {
    ObjectNode o = Json.parseObject("{\"s\": \" x \", \"n\": 5, \"big\": 1e3, \"blank\": \" \"}");
    assertEquals(" x ", Json.requiredString(o, "s", 10));
    assertEquals(5, Json.requiredInt(o, "n", 1, 10));
    assertEquals(400, assertThrows(ApiError.class, () -> Json.requiredString(o, "s", 2)).status());
    assertEquals(400, assertThrows(ApiError.class, () -> Json.requiredString(o, "n", 10)).status());
    assertEquals(
        400, assertThrows(ApiError.class, () -> Json.requiredString(o, "blank", 10)).status());
    assertEquals(
        400, assertThrows(ApiError.class, () -> Json.requiredString(o, "none", 10)).status());
    assertEquals(400, assertThrows(ApiError.class, () -> Json.requiredInt(o, "n", 6, 10)).status());
    assertEquals(
        400, assertThrows(ApiError.class, () -> Json.requiredInt(o, "big", 1, 5000)).status());
    assertEquals(400, assertThrows(ApiError.class, () -> Json.onlyFields(o, "s", "n")).status());
  }

  @Test
  void writesSnakeCase() throws Exception {
    assertEquals(
        "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":900}",
        Json.MAPPER.writeValueAsString(new TokenResponse("t", "Bearer", 900)));
  }
}
