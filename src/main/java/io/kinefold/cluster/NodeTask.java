package io.kinefold.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * A {@link NodeRequest} on its way to a node through Hazelcast's executor service, carried as
 * JSON with the dataset's bytes beside it where it has any, in Hazelcast's own
 * {@link IdentifiedDataSerializable} format (no Java serialization). On the node it is handed to
 * the {@link NodeService} the node keeps in its user context; the answer is JSON too.
 */
final class NodeTask implements Callable<String>, IdentifiedDataSerializable, HazelcastInstanceAware {
    /** Our factory among Hazelcast's: 'K', 'F'. */
    static final int FACTORY_ID = 0x4B46;
    static final int CLASS_ID = 1;
    static final DataSerializableFactory FACTORY = id -> id == CLASS_ID ? new NodeTask() : null;

    private String command;
    private byte[] data;
    private transient HazelcastInstance instance;

    NodeTask() {}

    NodeTask(NodeRequest command, byte[] data) {
        this.command = ClusterJson.write(command);
        this.data = data;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public String call() {
        Object service = instance == null ? null : instance.getUserContext().get(NodeService.KEY);
        if (!(service instanceof NodeService node)) {
            throw new IllegalStateException("this member is not a Kinefold node");
        }
        return node.handle(ClusterJson.read(command, NodeRequest.class), data);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(command);
        out.writeByteArray(data);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        command = in.readString();
        data = in.readByteArray();
    }

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }
}
