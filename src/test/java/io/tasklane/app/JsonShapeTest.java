package io.tasklane.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            same values                          | {"a":1,"b":"x"}                  | {"a":1,"b":"x"}                       | true
            members left out may be anything     | {"a":1}                          | {"a":1,"b":"x"}                       | true
            a member shown is missing            | {"a":1,"c":2}                    | {"a":1,"b":2}                         | false
            a value differs                      | {"state":"RUNNING"}              | {"state":"FAILED"}                    | false
            numbers compare by value             | {"n":1.0}                        | {"n":1}                               | true
            a placeholder takes any value        | {"id":"<task id>"}               | {"id":42}                             | true
            a placeholder still needs the member | {"id":"<task id>"}               | {}                                    | false
            placeholder inside a text            | {"d":"task <id> is SUCCEEDED"}   | {"d":"task t1 is SUCCEEDED"}          | true
            text around a placeholder differs    | {"d":"task <id> is SUCCEEDED"}   | {"d":"task t1 is FAILED"}             | false
            an ellipsis ends an open text        | {"m":"skuPerReplica 9 is ..."}   | {"m":"skuPerReplica 9 is too much"}   | true
            the start before the ellipsis counts | {"m":"skuPerReplica 9 is ..."}   | {"m":"replicas 9 is too much"}        | false
            arrays match element by element      | {"a":[{"x":1},{"x":2}]}          | {"a":[{"x":1},{"x":2},{"x":3}]}       | true
            arrays in another order do not       | {"a":["x","y"]}                  | {"a":["y","x"]}                       | false
            an array shorter than shown          | {"a":[1,2]}                      | {"a":[1]}                             | false
            an object where a text is shown      | {"a":"x"}                        | {"a":{"b":"x"}}                       | false
            """)
    void matchesShapeAndKeyValues(String name, String shown, String actual, boolean matches) throws Exception {
        JsonNode s = JSON.readTree(shown);
        JsonNode a = JSON.readTree(actual);
        assertThat(JsonShape.mismatches(s, a).isEmpty()).as(name).isEqualTo(matches);
    }
}
