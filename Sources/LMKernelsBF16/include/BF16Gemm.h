// bf16 matrix products with fp32 accumulation (vdpbf16ps, AVX512_BF16) for mixed-precision training.
// Built with -mavx512bf16 (Package.swift); LM calls it only where CPUFeatures says the CPU has
// AVX512_BF16 (cpu_supports_avx512bf16). Debian's OpenBLAS 0.3.21 exports no cblas_sbgemm, hence our own.
#ifndef BF16GEMM_H
#define BF16GEMM_H

/// C (M, N) = alpha · A (M, K) · B (K, N) + beta · C, row-major C with row stride ldc.
/// Operands are fp32 in memory and rounded to bf16 (nearest even) while packed; every product is
/// summed in fp32. A's element (m, k) is A[m·a_rs + k·a_ks]; B's element (k, n) is B[n·b_rs + k·b_ks];
/// in each operand one of the two strides must be 1. beta 0 overwrites C (never reads it).
/// Single-threaded; callers split M over threads. An output does not depend on the split.
void bf16_gemm(int M, int N, int K, float alpha,
               const float *A, long a_rs, long a_ks,
               const float *B, long b_rs, long b_ks,
               float beta, float *C, long ldc);

/// 1 when this build has the kernel (x86-64 with AVX512_BF16 compiled in), else 0.
int bf16_gemm_compiled(void);

/// GFLOP/s of one core in a loop of independent vdpbf16ps (zmm: 32 multiply-adds each) and of
/// fp32 FMA (zmm: 16), `seconds` each: the peaks the bench reports shares of. 0 where not compiled.
double bf16_dot_peak_gflops(double seconds);
double fp32_fma_peak_gflops(double seconds);

#endif
