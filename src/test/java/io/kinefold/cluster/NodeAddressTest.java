package io.kinefold.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeAddressTest {
    @Test
    void readsAListOfAddressesWithTheDefaultPortWhereNoneIsGiven() {
        assertThat(NodeAddress.parseList("10.0.0.5:5702, lab-b ,127.0.0.1:6000"))
                .containsExactly(new NodeAddress("10.0.0.5", 5702), new NodeAddress("lab-b", 5701), new NodeAddress("127.0.0.1", 6000));
    }

    @Test
    void namesThePartThatIsNotAnAddress() {
        assertThatThrownBy(() -> NodeAddress.parseList("10.0.0.5:57o1")).hasMessage("'10.0.0.5:57o1' is not HOST:PORT: '57o1' is not a port number");
        assertThatThrownBy(() -> NodeAddress.parseList("10.0.0.5:70000")).hasMessageContaining("port 70000 is not between 1 and 65535");
        assertThatThrownBy(() -> NodeAddress.parseList(":5701")).hasMessageContaining("no host");
        assertThatThrownBy(() -> NodeAddress.parseList(" ")).hasMessageContaining("no address given");
    }

    @Test
    void knowsLoopback() {
        assertThat(NodeAddress.allLoopback(List.of(new NodeAddress("127.0.0.1", 1), new NodeAddress("localhost", 2)))).isTrue();
        assertThat(NodeAddress.allLoopback(List.of(new NodeAddress("127.0.0.1", 1), new NodeAddress("10.0.0.5", 2)))).isFalse();
    }
}
