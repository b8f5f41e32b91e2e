// Runtime CPU feature checks for the LMKernels module, which is compiled for AVX-512
// (-target-cpu skylake-avx512): its code may run only where this says yes.
#ifndef CPUFEATURES_H
#define CPUFEATURES_H

/// 1 when the CPU and the OS support x86-64-v4 (AVX2, FMA, AVX-512 F/BW/CD/DQ/VL), else 0.
int cpu_supports_avx512(void);

#endif
