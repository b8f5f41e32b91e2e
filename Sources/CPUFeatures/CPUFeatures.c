#include "CPUFeatures.h"

int cpu_supports_avx512(void) {
#if defined(__x86_64__)
    // Checks CPUID and that the OS saves the zmm state (XGETBV), so a VM that hides AVX-512 says no.
    __builtin_cpu_init();
    return __builtin_cpu_supports("x86-64-v4") ? 1 : 0;
#else
    return 0;
#endif
}

int cpu_supports_avx2(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("x86-64-v3") ? 1 : 0;
#else
    return 0;
#endif
}

int cpu_supports_avx512bf16(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("x86-64-v4") && __builtin_cpu_supports("avx512bf16") ? 1 : 0;
#else
    return 0;
#endif
}
