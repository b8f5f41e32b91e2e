// Runtime CPU feature checks for the LMKernels module, which is compiled for AVX-512
// (-target-cpu skylake-avx512): its code may run only where this says yes.
#ifndef CPUFEATURES_H
#define CPUFEATURES_H

/// 1 when the CPU and the OS support x86-64-v4 (AVX2, FMA, AVX-512 F/BW/CD/DQ/VL), else 0.
int cpu_supports_avx512(void);

/// Asks for the cache line at p ahead of its use (never faults). Hardware prefetchers stop at 4 KB
/// pages, and WideGemm reads 8 weight rows as 8 short interleaved streams.
static inline void cpu_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

/// The same, for data read once: it should not displace what the last-level cache holds.
static inline void cpu_prefetch_once(const void *p) { __builtin_prefetch(p, 0, 0); }

#endif
