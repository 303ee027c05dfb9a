package app.carddesk.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JIT compilers' share of a measured stretch: on a 2-core machine they compile on the same
 * cores as the work measured, and a benchmark prints how long they worked beside its figures.
 */
public final class Jit {

    private Jit() {
    }

    /** The JIT compilers' accumulated time in this JVM (all their threads together), in ms; 0 where not kept. */
    public static long compilingMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }
}
