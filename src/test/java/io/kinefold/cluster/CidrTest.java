package io.kinefold.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void aBlockContainsTheAddressesOfItsPrefixOnly() throws Exception {
        Cidr lab = Cidr.parse("10.0.4.0/22");
        assertThat(lab.contains(InetAddress.getByName("10.0.7.255"))).isTrue();
        assertThat(lab.contains(InetAddress.getByName("10.0.8.1"))).isFalse();
        assertThat(Cidr.parse("192.168.1.7").contains(InetAddress.getByName("192.168.1.7"))).isTrue();
        assertThat(Cidr.parse("192.168.1.7").contains(InetAddress.getByName("192.168.1.8"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(lab.contains(InetAddress.getByName("::1"))).as("another family").isFalse();
    }

    @Test
    void badBlocksAreNamed() {
        assertThatThrownBy(() -> Cidr.parseList("10.0.0.0/24, lab-router")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lab-router' is not an address block like 10.0.0.0/24");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix /33 is not between 0 and 32");
    }

    @Test
    void theDefaultIsTheSubnetOfTheBoundInterface() {
        assertThat(Cidr.subnetOf("127.0.0.1").toString()).isEqualTo("127.0.0.1/8");
    }
}
