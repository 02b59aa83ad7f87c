package org.backpropstudio.ui;

import javafx.beans.binding.BooleanExpression;
import javafx.scene.Node;
import org.backpropstudio.training.ClassReport;
import org.backpropstudio.training.Snapshot;
import org.backpropstudio.ui.digits.DigitsPanel;
import org.backpropstudio.ui.plane.PlanePanel;

/**
 * The view of what is learned, at the top of the studio's centre: the fit of a curve, the
 * plane's classes or the digits, chosen by each snapshot's report. The plane's and the digits'
 * views are made the first time they are needed, so a studio that fits curves never builds them.
 * A new task is a new package and a case here.
 */
final class TaskViews {

    /** Which view a snapshot needs. */
    enum Kind { CURVE, PLANE, DIGITS }

    private final StudioViewModel vm;
    private final BooleanExpression lecture;
    private final Node curve;
    private PlanePanel plane;
    private DigitsPanel digits;
    private boolean dark;
    private double textScale = 1;

    /** True while the inspector is open: clicks in the views pick the sample to trace. */
    private final java.util.function.BooleanSupplier inspecting;

    /**
     * @param curve      the curve's view (the fit chart's panel), made by the shell
     * @param inspecting whether the inspector is open
     */
    TaskViews(StudioViewModel vm, BooleanExpression lecture, Node curve, java.util.function.BooleanSupplier inspecting) {
        this.vm = vm;
        this.inspecting = inspecting;
        this.lecture = lecture;
        this.curve = curve;
    }

    static Kind kindOf(Snapshot s) {
        ClassReport report = s.classes();
        if (report == null) {
            return Kind.CURVE;
        }
        if (report instanceof ClassReport.Plane) {
            return Kind.PLANE;
        } else if (report instanceof ClassReport.Images) {
            return Kind.DIGITS;
        }
        throw new AssertionError(report); // Java 17: a sealed switch over types is a preview

    }

    /** The view for a snapshot's task, made now if it is the first of its kind. */
    Node viewFor(Snapshot s) {
        return switch (kindOf(s)) {
            case CURVE -> curve;
            case PLANE -> plane();
            case DIGITS -> digits();
        };
    }

    /**
     * Draws what follows training closely (the plane's regions and points), every frame a snapshot
     * comes; the curve's is drawn by the fit chart.
     */
    void show(Snapshot s) {
        if (kindOf(s) == Kind.PLANE) {
            plane().show(s);
        }
    }

    /**
     * Draws what changes little between frames and costs more (the unit maps, the digits' grid,
     * confusion and weights), at the diagram's pace of 10 a second.
     */
    void showSlowly(Snapshot s) {
        switch (kindOf(s)) {
            case PLANE -> plane().showUnits(s);
            case DIGITS -> digits().show(s);
            case CURVE -> { }
        }
    }

    PlanePanel plane() {
        if (plane == null) {
            plane = new PlanePanel(vm, lecture);
            plane.setDark(dark);
            plane.setTextScale(textScale);
            // with the inspector open, a click in the plane traces the training point under it
            plane.chart().setPicker(inspecting, index -> vm.inspectSample(index, false));
        }
        return plane;
    }

    DigitsPanel digits() {
        if (digits == null) {
            digits = new DigitsPanel(lecture, vm::readDrawing);
            digits.setDark(dark);
            digits.setTextScale(textScale);
            // with the inspector open, the digit chosen is traced (a test digit)
            digits.grid().setOnSelect(digits.grid().onSelect().andThen(i -> {
                if (inspecting.getAsBoolean()) {
                    vm.inspectSample(i, true);
                }
            }));
        }
        return digits;
    }

    /** The drawn text's size relative to the normal one, in the views made and those made later. */
    void setTextScale(double scale) {
        textScale = scale;
        if (plane != null) {
            plane.setTextScale(scale);
        }
        if (digits != null) {
            digits.setTextScale(scale);
        }
    }

    void setDark(boolean on) {
        dark = on;
        if (plane != null) {
            plane.setDark(on);
        }
        if (digits != null) {
            digits.setDark(on);
        }
    }
}
