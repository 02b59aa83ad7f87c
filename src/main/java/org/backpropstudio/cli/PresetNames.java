package org.backpropstudio.cli;

import java.util.Iterator;
import org.backpropstudio.engine.Presets;

/** The preset names, for picocli's help text and completion. */
final class PresetNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return org.backpropstudio.io.PresetCatalog.names().iterator();
    }
}
