// Runtime CPU feature checks for the decoding kernels, compiled for AVX-512 (LMKernels, -target-cpu
// skylake-avx512) and for AVX2 + FMA (LMKernelsV3, -target-cpu haswell): each build's code may run
// only where its check says yes.
#ifndef CPUFEATURES_H
#define CPUFEATURES_H

/// 1 when the CPU and the OS support x86-64-v4 (AVX2, FMA, AVX-512 F/BW/CD/DQ/VL), else 0.
int cpu_supports_avx512(void);

/// 1 when the CPU and the OS support x86-64-v3 (AVX, AVX2, FMA, F16C, BMI1/2, LZCNT, MOVBE), else 0.
int cpu_supports_avx2(void);

/// 1 when the CPU and the OS support x86-64-v4 and AVX512_BF16 (vdpbf16ps: bf16 pairs, fp32 sums), else 0.
int cpu_supports_avx512bf16(void);

/// Asks for the cache line at p ahead of its use (never faults). Hardware prefetchers stop at 4 KB
/// pages, and WideGemm reads 8 weight rows as 8 short interleaved streams.
static inline void cpu_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

/// The same, for data read once: it should not displace what the last-level cache holds.
static inline void cpu_prefetch_once(const void *p) { __builtin_prefetch(p, 0, 0); }

#endif
