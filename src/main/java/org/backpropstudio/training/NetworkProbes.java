package org.backpropstudio.training;

import static org.backpropstudio.i18n.Messages.text;

import java.util.ArrayList;
import java.util.List;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.BackpropTrace;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.DenseLayer;
import org.backpropstudio.engine.GradientCheck;
import org.backpropstudio.engine.Matrices;
import org.backpropstudio.engine.Network;
import org.backpropstudio.engine.Trainer;
import org.backpropstudio.engine.TrainingConfig;

/**
 * What the studio asks of the running network besides training it, between steps: the
 * inspector's trace of one sample, a gradient check, the hidden units' contributions. None of
 * them changes the network or the optimizer's state.
 */
final class NetworkProbes {

    private NetworkProbes() {
    }

    /**
     * The trace through the current network and optimizer state of the sample the inspector looks
     * at: the one nearest to an x ({@link Command.Inspect}), or one by its number
     * ({@link Command.InspectSample}); null when there is no such sample.
     */
    static Inspection inspect(Trainer trainer, TrainingConfig config, Command at) {
        boolean useTrain;
        int best;
        if (at instanceof Command.InspectSample s) {
            useTrain = !s.test();
            best = s.index();
        } else {
            double x = ((Command.Inspect) at).x();
            useTrain = trainer.trainData().size() > 0;
            Dataset data = useTrain ? trainer.trainData() : trainer.testData();
            best = 0;
            for (int i = 1; i < data.size(); i++) {
                if (Math.abs(data.x().get(i, 0) - x) < Math.abs(data.x().get(best, 0) - x)) {
                    best = i;
                }
            }
        }
        Dataset data = useTrain ? trainer.trainData() : trainer.testData();
        if (best >= data.size()) {
            return null;
        }
        double[] xi = new double[data.x().numCols];
        double[] yi = new double[data.y().numCols];
        for (int c = 0; c < xi.length; c++) {
            xi[c] = data.x().get(best, c);
        }
        for (int c = 0; c < yi.length; c++) {
            yi[c] = data.y().get(best, c);
        }
        BackpropTrace trace = BackpropTrace.of(trainer.network(), config.loss(), trainer.optimizer(), xi, yi);
        return Inspection.of(trace, config.loss().kind(), config.optimizer(), trainer.epoch(), best,
                useTrain ? text("inspector.set.training") : text("inspector.set.test"));
    }

    /** The engine's check on the running network, between epochs (the weights are restored exactly). */
    static GradientReport checkGradients(Trainer trainer, TrainingConfig config, int samples) {
        Dataset data = trainer.trainData().size() > 0 ? trainer.trainData() : trainer.testData();
        // a network too large for a sample of its entries in the budget is checked on one sample
        long size = trainer.network().spec().parameterCount() * trainer.network().parameters().size();
        int n = Math.max(1, Math.min(size * 2L * 4 * samples > StudioBudget.GRADIENT_CHECK_BUDGET ? 1 : samples, data.size()));
        org.ejml.data.DMatrixRMaj x = org.ejml.dense.row.CommonOps_DDRM.extract(data.x(), 0, n, 0, data.x().numCols);
        org.ejml.data.DMatrixRMaj y = org.ejml.dense.row.CommonOps_DDRM.extract(data.y(), 0, n, 0, data.y().numCols);
        // each checked entry costs two forward passes of the batch: a large network is checked on an
        // even spread of its entries, so the check ends in well under a second
        long params = trainer.network().spec().parameterCount();
        int tensors = trainer.network().parameters().size();
        int perParameter = (int) Math.max(4, Math.min(Integer.MAX_VALUE,
                StudioBudget.GRADIENT_CHECK_BUDGET / (2.0 * n * params * tensors)));
        GradientCheck.Result r = GradientCheck.run(trainer.network(), config.loss(), x, y, GradientCheck.DEFAULT_EPSILON,
                perParameter);
        List<GradientReport.Row> rows = new ArrayList<>();
        for (GradientCheck.Entry e : r.entries()) {
            rows.add(new GradientReport.Row(e.parameter(), e.layer(), e.entries(), e.straddled(), e.maxAbsolute(),
                    e.maxRelative()));
        }
        return new GradientReport(trainer.epoch(), n, r.epsilon(), rows, GradientCheck.TOLERANCE);
    }

    /** Each last-hidden-layer unit's share of the output at the grid's x, when there are few enough. */
    static Contributions contributions(Trainer trainer, double[] gridX) {
        Network net = trainer.network();
        List<DenseLayer> layers = net.layers();
        if (layers.size() < 2 || net.outputs() != 1 || net.inputs() != 1
                || layers.get(layers.size() - 2).units() > Contributions.MAX_UNITS) {
            return null;
        }
        DenseLayer out = layers.get(layers.size() - 1);
        return new Contributions(layers.size() - 2, Matrices.toRows(net.contributions(Matrices.column(gridX))),
                out.hasBias() ? out.bias().get(0, 0) : 0, out.activation() == Activation.IDENTITY);
    }
}
