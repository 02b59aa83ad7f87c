package org.backpropstudio.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails any JUnit Jupiter test that prints to stdout. Registered for every test by autodetection. */
public final class QuietTests implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(QuietTests.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("guard", new StdoutGuard());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        StdoutGuard guard = context.getStore(NS).remove("guard", StdoutGuard.class);
        String failure = guard == null ? null : guard.restore(context.getDisplayName());
        if (failure != null) {
            throw new AssertionError(failure);
        }
    }
}
