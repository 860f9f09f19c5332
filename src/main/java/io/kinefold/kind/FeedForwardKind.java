package io.kinefold.kind;

import io.kinefold.data.ModelKind;
import io.kinefold.model.DenseNet;
import io.kinefold.model.FeedForwardParams;
import io.kinefold.model.Hyperparameters;
import io.kinefold.model.Net;
import io.kinefold.model.ParamDef;
import java.util.List;
import java.util.Map;

/** What the kinds that learn from one frame with a dense network share: their hyperparameters, network and cost. */
public abstract class FeedForwardKind extends KindSpec {
    protected FeedForwardKind(ModelKind kind, boolean perExercise, String title, String colour, double secondsPerCostUnit) {
        super(kind, perExercise, title, colour, secondsPerCostUnit);
    }

    @Override
    public List<ParamDef> params() {
        return FeedForwardParams.DEFS;
    }

    @Override
    public Hyperparameters hyperparameters(Map<String, Double> values) {
        return FeedForwardParams.of(values);
    }

    @Override
    public Net network(Hyperparameters params, int features, int classes, float[] classWeights) {
        return new DenseNet((FeedForwardParams) params, features, classes, classWeights);
    }

    /** Batch steps times the work of one: a fixed part per layer and a part that grows with batch × width. */
    @Override
    public double cost(Hyperparameters params, int trainSamples) {
        FeedForwardParams p = (FeedForwardParams) params;
        double steps = Math.ceil((double) trainSamples / p.batchSize()) * p.epochs();
        return steps * (1.5 * p.hiddenLayers() + p.batchSize() * p.units() * p.hiddenLayers() / 20000.0);
    }
}
