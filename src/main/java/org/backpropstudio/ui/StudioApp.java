package org.backpropstudio.ui;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.training.Command;
import org.backpropstudio.training.Snapshot;
import org.backpropstudio.training.TrainingService;

/**
 * The studio application. Options (after {@code studio} on the command line, or through
 * {@code -Djavafx.args} with {@code javafx:run}):
 * <ul>
 *   <li>{@code --preset=NAME}: start with another preset;</li>
 *   <li>{@code --play}: start training at once;</li>
 *   <li>{@code --lang=TAG}: the language, {@code en} or {@code zh-CN} (default: the one chosen last in View → Language, else the system's);</li>
 *   <li>{@code --screenshot=FILE --after=SECONDS}: write the window as a PNG after a while, then quit;</li>
 *   <li>{@code --measure=SECONDS}: train at max speed while redrawing every frame, print the speed
 *       against the headless engine (in turns, after warm-ups: {@link StudioMeasure}) and the frame
 *       times, then quit.</li>
 * </ul>
 */
public final class StudioApp extends Application {

    /** A running studio: what tests and the measure mode reach into. */
    public record Studio(TrainingService service, StudioViewModel viewModel, StudioView view, FrameLoop frames,
                         ExecutorService threads) {
        /** Stops drawing and training, and lets go of the stage (which may show another studio). */
        public void close() {
            service.close();
            threads.shutdownNow();
            Runnable letGo = () -> {
                frames.stop();
                view.detach();
            };
            if (Platform.isFxApplicationThread()) {
                letGo.run();
            } else {
                Platform.runLater(letGo);
            }
        }
    }

    /** The name of the studio's two threads: training, and writing files. */
    static final String WORKER_THREAD = "backprop-studio-worker";

    /** Whether this JVM has warmed the drawing code up already. */
    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Opens the studio in a stage: the service on its own thread, the view drawing each frame. */
    public static Studio open(Stage stage, String presetName) {
        return open(stage, presetName, RecentFiles.inHomeDirectory());
    }

    /** As {@link #open(Stage, String)}, with the recent-files list kept elsewhere (tests). */
    public static Studio open(Stage stage, String presetName, RecentFiles recent) {
        // the digits' preset reads its digits (bundled, a fraction of a second); the others are made
        org.backpropstudio.engine.TrainingConfig config = org.backpropstudio.io.PresetCatalog.get(presetName).config();
        TrainingService service = new TrainingService(config);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, WORKER_THREAD);
            t.setDaemon(true);
            return t;
        });
        service.start(threads);
        // the curves' drawing code compiled before the first frames of training need it
        // (docs/reliability.md), from the moment the window is up: started before, it took a core
        // from building the window (shown after 2.45-2.75 s, against 2.17-2.57 s without it, four
        // runs each); once per JVM: the compiled code stays, and a second studio (a test's next
        // one) would only take a core from it for nothing
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> {
            if (WARMED.compareAndSet(false, true)) {
                Thread warm = new Thread(StrokeRaster::warmUp, "backprop-studio-warm-up");
                warm.setDaemon(true);
                warm.setPriority(Thread.MIN_PRIORITY);
                warm.start();
            }
        });
        StudioViewModel vm = new StudioViewModel(service::submit, presetName, config);
        // file writes go to the second thread of the pool, never the UI thread
        StudioView view = new StudioView(vm, stage, threads, recent);
        Scene scene = new Scene(new javafx.scene.layout.StackPane(view, view.helpOverlay()), 1400, 900);
        Deferred.soonAfterShown(stage, view.hiddenParts());
        view.installKeys(scene);
        view.files().installCloseGuard();
        stage.setScene(scene);
        stage.sizeToScene(); // a stage that showed something else before keeps its size otherwise
        stage.titleProperty().bind(Localized.text("app.title"));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        FrameLoop frames = new FrameLoop(service, vm, view);
        scene.addPostLayoutPulseListener(frames::afterLayout);
        frames.start();
        Studio studio = new Studio(service, vm, view, frames, threads);
        stage.setOnHidden(e -> studio.close());
        return studio;
    }

    /** Once per frame: takes the newest snapshot, if any, and draws it; records frame times. */
    public static final class FrameLoop extends AnimationTimer {
        private final TrainingService service;
        private final StudioViewModel vm;
        private final StudioView view;
        private long[] frameNanos = new long[0];
        private long[] intervalNanos = new long[0];
        private long[] pulseNanos = new long[0];
        private int frames;
        private int pulses;
        /** When this pulse's animation step began, or 0 outside a recorded pulse. */
        private long pulseStart;
        private long lastFrame;
        private boolean recording;

        FrameLoop(TrainingService service, StudioViewModel vm, StudioView view) {
            this.service = service;
            this.vm = vm;
            this.view = view;
        }

        @Override
        public void handle(long now) {
            long start = System.nanoTime();
            pulseStart = recording ? start : 0;
            Snapshot s = service.takeLatest();
            if (s != null) {
                vm.apply(s);
                view.render(s);
            } else {
                view.drawDue(System.nanoTime());
            }
            if (recording && frames < frameNanos.length) {
                intervalNanos[frames] = lastFrame == 0 ? 0 : now - lastFrame;
                frameNanos[frames++] = System.nanoTime() - start;
            }
            lastFrame = now;
        }

        /**
         * After CSS and layout, the last of a pulse's work on the UI thread before the scene is
         * handed to the renderer: ends the pulse's UI time that {@link #handle} began.
         */
        void afterLayout() {
            if (pulseStart != 0 && pulses < pulseNanos.length) {
                pulseNanos[pulses++] = System.nanoTime() - pulseStart;
            }
            pulseStart = 0;
        }

        /** Starts recording how long each frame's work takes on the UI thread. */
        void record(int maxFrames) {
            frameNanos = new long[maxFrames];
            intervalNanos = new long[maxFrames];
            pulseNanos = new long[maxFrames];
            frames = 0;
            pulses = 0;
            lastFrame = 0;
            recording = true;
        }

        /** Stops recording for a while, keeping what was recorded. */
        void hold() {
            recording = false;
        }

        /** Records again after {@link #hold()}: the time between the last frame and the next is not counted. */
        void resume() {
            lastFrame = 0;
            recording = true;
        }

        /** How long each recorded frame's own work took on the UI thread. */
        long[] recorded() {
            recording = false;
            return Arrays.copyOf(frameNanos, frames);
        }

        /**
         * The UI thread's time in each recorded pulse: from this timer's step (the snapshot taken,
         * the charts drawn) to the end of CSS and layout. Other timers of the same pulse may run
         * before it and are not counted.
         */
        long[] pulses() {
            return Arrays.copyOf(pulseNanos, pulses);
        }

        /** The time between recorded frames: the whole pulse (layout, CSS, rendering) included. */
        long[] intervals() {
            return frames < 2 ? new long[0] : Arrays.copyOfRange(intervalNanos, 1, frames);
        }
    }

    /** The language to start in: {@code --lang}, else the one chosen last in View → Language, else null (the system's). */
    private Locale startLanguage;

    /** The dark theme was chosen last. */
    private boolean startDark;
    /** The editor's Advanced section was left unfolded. */
    private boolean startAdvancedOpen;

    /** Runs before the window, on the launcher thread: reads the remembered choices off the UI thread. */
    @Override
    public void init() {
        Settings.Choices chosen = Settings.beside(RecentFiles.inHomeDirectory()).choices();
        String language = option(getParameters().getRaw(), "--lang", null);
        startLanguage = language != null ? Locale.forLanguageTag(language) // e.g. zh-CN, en
                : chosen.language().orElse(null);
        startDark = chosen.dark();
        startAdvancedOpen = chosen.advancedOpen();
    }

    @Override
    public void start(Stage stage) {
        setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        List<String> args = getParameters().getRaw();
        String preset = option(args, "--preset", Presets.DEFAULT);
        if (startLanguage != null) {
            Localized.setLocale(startLanguage);
        }
        Studio studio = open(stage, preset);
        studio.view().setDark(startDark);
        studio.view().setAdvancedOpen(startAdvancedOpen);
        // a window manager may map the window at its minimum size whatever the scene asked for (seen
        // under openbox: 1000 x 650 for a 1400 x 900 scene), so the size is set once it is shown
        stage.setOnShown(e -> Platform.runLater(() -> fitToScreen(stage)));
        stage.show();
        long shownAfter = System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        if (args.contains("--play")) {
            studio.service().submit(new Command.Play());
        }
        String measure = option(args, "--measure", null);
        if (measure != null) {
            System.out.printf(Locale.ROOT, "window shown %d ms after the JVM started%n", shownAfter);
            StudioMeasure.start(studio, Double.parseDouble(measure));
        }
        String screenshot = option(args, "--screenshot", null);
        if (screenshot != null) {
            double after = Double.parseDouble(option(args, "--after", "3"));
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(after));
            wait.setOnFinished(e -> {
                writePng(stage.getScene(), new File(screenshot));
                Platform.exit();
            });
            wait.play();
        }
    }

    /** The smallest window the studio's layout takes without cutting its controls. */
    public static final double MIN_WIDTH = 1000;
    public static final double MIN_HEIGHT = 620;

    /** 1400 × 900, or nine tenths of a smaller screen, centred on it. */
    private static void fitToScreen(Stage stage) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.max(MIN_WIDTH, Math.min(1400, 0.9 * screen.getWidth())));
        stage.setHeight(Math.max(MIN_HEIGHT, Math.min(900, 0.9 * screen.getHeight())));
        stage.centerOnScreen();
    }

    private static void writePng(Scene scene, File file) {
        WritableImage image = scene.snapshot(null);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file);
            System.out.println("wrote " + file);
        } catch (IOException e) {
            System.err.println("could not write " + file + ": " + e.getMessage());
        }
    }

    private static String option(List<String> args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    /** Backprop Studio's version, or {@code dev} when not run from the packaged jar. */
    public static String appVersion() {
        String v = StudioApp.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
