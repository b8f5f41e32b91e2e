// Peak probes: independent accumulator chains so only the execution ports bound the loop.
#include "BF16Gemm.h"
#include <time.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

#if defined(__x86_64__) && defined(__AVX512BF16__)
#include <immintrin.h>

// 16 chains hide either instruction's latency; the asm barrier keeps them in registers and the
// loop from being folded.
#define CHAINS(M) M(0) M(1) M(2) M(3) M(4) M(5) M(6) M(7) M(8) M(9) M(10) M(11) M(12) M(13) M(14) M(15)
#define KEEP __asm__ volatile("" : "+v"(a0), "+v"(a1), "+v"(a2), "+v"(a3), "+v"(a4), "+v"(a5), "+v"(a6), "+v"(a7)); \
             __asm__ volatile("" : "+v"(a8), "+v"(a9), "+v"(a10), "+v"(a11), "+v"(a12), "+v"(a13), "+v"(a14), "+v"(a15))
#define DECL(k) __m512 a##k = _mm512_setzero_ps();
#define SUM(k) s = _mm512_add_ps(s, a##k);

static volatile float sink;

double bf16_dot_peak_gflops(double seconds) {
    CHAINS(DECL)
    __m512bh x = (__m512bh)_mm512_set1_epi16(0x3f80);   // bf16 1.0
    long n = 0; double t0 = now(), t;
    do {
        for (int i = 0; i < 100000; i++) {
#define DP(k) a##k = _mm512_dpbf16_ps(a##k, x, x);
            CHAINS(DP) KEEP;
        }
        n += 100000;
    } while ((t = now() - t0) < seconds);
    __m512 s = _mm512_setzero_ps(); CHAINS(SUM) sink = _mm512_reduce_add_ps(s);
    return (double)n * 16 * 64 / t / 1e9;   // 16 instructions × 32 multiply-adds × 2 flops
}

double fp32_fma_peak_gflops(double seconds) {
    CHAINS(DECL)
    __m512 x = _mm512_set1_ps(1.0f), y = _mm512_set1_ps(1e-9f);
    long n = 0; double t0 = now(), t;
    do {
        for (int i = 0; i < 100000; i++) {
#define FMA(k) a##k = _mm512_fmadd_ps(x, y, a##k);
            CHAINS(FMA) KEEP;
        }
        n += 100000;
    } while ((t = now() - t0) < seconds);
    __m512 s = _mm512_setzero_ps(); CHAINS(SUM) sink = _mm512_reduce_add_ps(s);
    return (double)n * 16 * 32 / t / 1e9;   // 16 instructions × 16 multiply-adds × 2 flops
}
#else
double bf16_dot_peak_gflops(double seconds) { (void)seconds; (void)now; return 0; }
double fp32_fma_peak_gflops(double seconds) { (void)seconds; return 0; }
#endif
