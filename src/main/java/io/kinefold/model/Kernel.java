package io.kinefold.model;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One native op with its arrays and arguments bound once and run many times. ND4J otherwise
 * builds an op object and a native context, and hands every array to it, on each call: for the
 * small matrices of a batch step that costs more than the arithmetic.
 */
final class Kernel implements AutoCloseable {
    private final DynamicCustomOp op;
    private final OpContext context;

    Kernel(DynamicCustomOp op) {
        this.op = op;
        context = Nd4j.getExecutioner().buildContext();
        context.setInputArrays(op.inputArguments());
        context.setOutputArrays(op.outputArguments());
        context.setIArguments(op.iArgs());
        context.setTArguments(op.tArgs());
        context.setBArguments(op.bArgs());
    }

    /** {@code out = op(a) · op(b)}, where op transposes or not. */
    static Kernel matmul(INDArray a, INDArray b, INDArray out, boolean transposeA, boolean transposeB) {
        return new Kernel(new Mmul(a, b, out, MMulTranspose.builder().transposeA(transposeA).transposeB(transposeB).build()));
    }

    void run() {
        Nd4j.getExecutioner().exec(op, context);
    }

    /** Runs with other integer arguments, e.g. the step count of an updater. */
    void run(long... integerArguments) {
        context.setIArguments(integerArguments);
        run();
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot release an op context: " + e.getMessage(), e);
        }
    }
}
