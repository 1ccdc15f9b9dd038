package io.tasklane.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The merge rules of RFC 7396, case by case (the RFC's appendix lists these behaviours). */
class JsonMergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a member replaces its value          | {"a":"b"}            | {"a":"c"}               | {"a":"c"}
            a new member is added               | {"a":"b"}            | {"b":"c"}               | {"a":"b","b":"c"}
            null removes a member               | {"a":"b"}            | {"a":null}              | {}
            null keeps the others               | {"a":"b","b":"c"}    | {"a":null}              | {"b":"c"}
            an array is replaced whole          | {"a":["b"]}          | {"a":"c"}               | {"a":"c"}
            a value becomes an array            | {"a":"c"}            | {"a":["b"]}             | {"a":["b"]}
            objects merge recursively           | {"a":{"b":"c"}}      | {"a":{"b":"d","c":null}} | {"a":{"b":"d"}}
            arrays of objects are not merged    | {"a":[{"b":"c"}]}    | {"a":[1]}               | {"a":[1]}
            a non-object patch replaces all     | {"a":"foo"}          | ["c"]                   | ["c"]
            an empty patch changes nothing      | {"e":null}           | {}                      | {"e":null}
            an object patch on a scalar         | "x"                  | {"a":{"bb":{"ccc":null}}} | {"a":{"bb":{}}}
            """)
    void appliesTheRfcRules(String name, String target, String patch, String expected) throws Exception {
        JsonNode original = JSON.readTree(target);

        JsonNode result = JsonMergePatch.apply(original, JSON.readTree(patch));

        assertThat(result).as(name).isEqualTo(JSON.readTree(expected));
        assertThat(original).as("the target is not changed").isEqualTo(JSON.readTree(target));
    }
}
