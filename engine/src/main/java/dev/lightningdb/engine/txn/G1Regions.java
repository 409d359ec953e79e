package dev.lightningdb.engine.txn;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/** The running JVM's G1 heap region size, for sizing arrays that G1 should keep out of the young generation. */
final class G1Regions {
    private G1Regions() {
    }

    /** G1's region size in bytes, or 0 when another collector runs or the JVM does not say. */
    static long regionBytes() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm == null || !Boolean.parseBoolean(vm.getVMOption("UseG1GC").getValue())) {
                return 0;
            }
            return Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue());
        } catch (RuntimeException | LinkageError e) { // not HotSpot, no jdk.management, or no such option
            return 0;
        }
    }
}
