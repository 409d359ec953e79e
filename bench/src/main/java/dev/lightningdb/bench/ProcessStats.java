package dev.lightningdb.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This JVM's own resource use, from Linux {@code /proc/self} and the memory MX bean. Each system is
 * measured in a JVM of its own, so these numbers are that system's. Where {@code /proc} is missing
 * the readers return -1 and the table shows "n/a".
 */
public final class ProcessStats implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile long peakHeap;
    private volatile boolean running = true;

    /** Starts sampling heap use every 5 ms (the peak heap is the largest sample). */
    public ProcessStats() {
        sampler = new Thread(() -> {
            while (running) {
                sampleHeap();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sampleHeap() {
        long used = memory.getHeapMemoryUsage().getUsed();
        if (used > peakHeap) {
            peakHeap = used;
        }
    }

    /** Largest heap use seen (live and garbage not yet collected), in bytes. */
    public long peakHeap() {
        sampleHeap();
        return peakHeap;
    }

    /** Bytes this process caused to be written to storage ({@code write_bytes} of /proc/self/io). */
    public static long writeBytes() {
        return procField(Path.of("/proc/self/io"), "write_bytes:", 1);
    }

    /** The 1-minute load average of the machine ({@code /proc/loadavg}), or -1 where unknown. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Peak resident set size in bytes ({@code VmHWM} of /proc/self/status). */
    public static long peakRss() {
        return procField(Path.of("/proc/self/status"), "VmHWM:", 1024);
    }

    private static long procField(Path file, String field, long scale) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) * scale;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
