package org.backpropstudio.ui.inspector;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backpropstudio.training.Inspection;

/**
 * The inspector's state: the newest trace and which of its stages is shown. Next and Previous walk
 * the stages; a new trace of the same network keeps the stage, so stepping the training while
 * looking at "Backward, layer 2" stays there. Imports only {@code javafx.beans}.
 */
public final class InspectorModel {

    /** Rows and columns of a matrix shown before an ellipsis. */
    public static final int MAX_ROWS = 6;
    public static final int MAX_COLS = 5;

    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper stage = new ReadOnlyIntegerWrapper();
    private final ObjectBinding<Inspection.Stage> current = Bindings.createObjectBinding(() -> {
        Inspection i = inspection.get();
        return i == null ? null : i.stages().get(stage.get());
    }, inspection, stage);
    private final BooleanBinding atFirst = stage.isEqualTo(0);
    private final BooleanBinding atLast = Bindings.createBooleanBinding(
            () -> inspection.get() == null || stage.get() >= inspection.get().stages().size() - 1, inspection, stage);

    /** Takes a new trace (or null when closed), keeping the stage when the walk has the same length. */
    public void show(Inspection i) {
        Inspection old = inspection.get();
        if (i == old) {
            return;
        }
        if (i == null || old == null || old.stages().size() != i.stages().size()) {
            stage.set(0);
        }
        inspection.set(i);
    }

    public void next() {
        if (!atLast.get()) {
            stage.set(stage.get() + 1);
        }
    }

    public void previous() {
        if (stage.get() > 0) {
            stage.set(stage.get() - 1);
        }
    }

    public ReadOnlyObjectProperty<Inspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    /** The index of the stage shown, from 0. */
    public ReadOnlyIntegerProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** The stage shown, or null. */
    public ObjectBinding<Inspection.Stage> currentStage() {
        return current;
    }

    public BooleanBinding atFirstProperty() {
        return atFirst;
    }

    public BooleanBinding atLastProperty() {
        return atLast;
    }

    /**
     * A value as the inspector shows it: 4 significant digits, in plain notation from 0.001 to
     * 99 990 and with an exponent outside ({@code 1.235e-5}); exact zero as {@code 0}.
     */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = roundTo4(v);
        int exponent = rounded.precision() - rounded.scale() - 1; // of the leading digit
        String text;
        if (exponent >= -3 && exponent <= 4) {
            text = rounded.setScale(Math.max(0, 3 - exponent)).toPlainString();
        } else {
            BigDecimal mantissa = rounded.movePointLeft(exponent).setScale(3);
            text = mantissa.toPlainString() + "e" + exponent;
        }
        return text.replace('-', '−');
    }

    private static final MathContext FOUR = new MathContext(4, RoundingMode.HALF_UP);
    private static final MathContext FOUR_DOWN = new MathContext(4, RoundingMode.DOWN);

    /**
     * The double's exact value rounded half-up to 4 significant digits. The exact expansion of a
     * double like 1e-300 has hundreds of digits and took the UI thread ~0.1 ms per cell; its short
     * decimal form (at most 17 digits, within half an ulp of it) rounds the same way unless it sits
     * within a few ulps of a tie, and only then is the exact value used.
     */
    static BigDecimal roundTo4(double v) {
        BigDecimal shortForm = BigDecimal.valueOf(v);
        BigDecimal dropped = shortForm.subtract(shortForm.round(FOUR_DOWN)).abs();
        int lead = shortForm.precision() - shortForm.scale() - 1; // exponent of the leading digit
        BigDecimal half = BigDecimal.valueOf(5, 4 - lead); // half a unit of the 4th digit
        BigDecimal fromTie = dropped.subtract(half).abs();
        if (fromTie.compareTo(BigDecimal.valueOf(Math.ulp(v)).multiply(BigDecimal.valueOf(4))) <= 0) {
            return new BigDecimal(v).round(FOUR);
        }
        return shortForm.round(FOUR);
    }
}
