package app.carddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListsTest {

    @Test
    void everyValueIsAskedForOnceInListsOfAtMostTheSize() {
        List<Integer> values = IntStream.range(0, 250).boxed().toList();
        List<Integer> sizes = new ArrayList<>();
        List<Integer> found = InLists.query(values, part -> {
            sizes.add(part.size());
            return part.stream().map(v -> v * 2).toList();
        });
        assertThat(sizes).containsExactly(100, 100, 50);
        assertThat(found).isEqualTo(values.stream().map(v -> v * 2).toList());
    }

    @Test
    void noValuesRunNoStatement() {
        List<List<String>> run = new ArrayList<>();
        InLists.each(List.<String>of(), run::add);
        assertThat(run).isEmpty();
        InLists.each(List.of("a"), run::add);
        assertThat(run).containsExactly(List.of("a"));
    }
}
