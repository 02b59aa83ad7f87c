package org.backpropstudio.testing;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/** Fails any jqwik property that prints to stdout. Registered globally through the service loader. */
public final class QuietProperties implements AroundPropertyHook {

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        StdoutGuard guard = new StdoutGuard();
        PropertyExecutionResult result = property.execute();
        String failure = guard.restore(context.label());
        if (failure != null && result.status() == PropertyExecutionResult.Status.SUCCESSFUL) {
            return result.mapToFailed(failure);
        }
        return result;
    }
}
