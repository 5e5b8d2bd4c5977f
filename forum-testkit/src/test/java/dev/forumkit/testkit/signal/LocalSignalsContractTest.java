package dev.forumkit.testkit.signal;

import dev.forumkit.core.signal.LocalSignals;
import dev.forumkit.core.signal.Signals;

/** The in-process bus: every "node" of one process shares the one bus. */
class LocalSignalsContractTest extends SignalsContract {
    private final LocalSignals shared = new LocalSignals();

    @Override
    protected Signals newNode() {
        return shared;
    }
}
