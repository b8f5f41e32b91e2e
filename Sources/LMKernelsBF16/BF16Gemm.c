// bf16 GEMM with fp32 accumulation, Goto-style: B is packed a (KC × NC) block at a time, A an
// (MC × KC) block, and a 12 × 32 register tile accumulates in 24 zmm registers. vdpbf16ps takes
// pairs of bf16 along k in each 32-bit lane, so both packed panels hold k in pairs:
//   A panel [kp][12] dwords (one pair per row, broadcast to all lanes),
//   B panel [kp][32] dwords (one pair per column, two zmm loads).
// Rounding to bf16 happens while packing, so activations and weights stay fp32 in memory (fp32
// master weights; no bf16 copies to keep in step) and the packing buffers are the only extra memory.
#include "BF16Gemm.h"

#if defined(__x86_64__) && defined(__AVX512BF16__)
#include <immintrin.h>
#include <stdint.h>
#include <stdlib.h>

enum { MR = 12, NR = 32, KC = 384, MC = 96, NC = 768 };   // KC even; MC a multiple of MR, NC of NR

int bf16_gemm_compiled(void) { return 1; }

// 16 fp32 → 16 dwords, each (bf16(lo[i]) | bf16(hi[i]) << 16): row k in the low half, k+1 in the high.
static inline __m512i pair_rows(__m512 lo, __m512 hi) {
    __m512i l = _mm512_cvtepu16_epi32((__m256i)_mm512_cvtneps_pbh(lo));
    __m512i h = _mm512_cvtepu16_epi32((__m256i)_mm512_cvtneps_pbh(hi));
    return _mm512_or_si512(l, _mm512_slli_epi32(h, 16));
}

static inline __mmask16 lanes(int n) { return n >= 16 ? (__mmask16)0xFFFF : n <= 0 ? 0 : (__mmask16)((1u << n) - 1); }

// Packs rows i0 ..< i0 + valid (P ≥ valid; missing rows are zero) of an operand whose element (i, k)
// is X[i·rs + k·ks], for k in k0 ..< k0 + kc, into dst [kp][P] dwords (an odd kc's last pair ends in 0).
static void pack(uint32_t *dst, const float *X, long rs, long ks, int i0, int valid, int P, int k0, int kc) {
    int kpn = (kc + 1) / 2;
    if (ks == 1) {
        // pairs are adjacent in each row: convert 32 floats to 16 pairs, then scatter them P apart
        __m512i idx = _mm512_mullo_epi32(_mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
                                         _mm512_set1_epi32(P));
        for (int r = 0; r < P; r++) {
            if (r >= valid) {
                for (int kp = 0; kp < kpn; kp++) dst[kp * P + r] = 0;
                continue;
            }
            const float *src = X + (long)(i0 + r) * rs + k0;
            for (int k = 0; k < kc; k += 32) {
                int left = kc - k;
                __m512 lo = _mm512_maskz_loadu_ps(lanes(left), src + k);
                __m512 hi = _mm512_maskz_loadu_ps(lanes(left - 16), src + k + 16);
                __m512i v = (__m512i)_mm512_cvtne2ps_pbh(hi, lo);   // 32 bf16 in k order = 16 pairs
                _mm512_mask_i32scatter_epi32(dst + (k / 2) * P + r, lanes((left + 1) / 2), idx, v, 4);
            }
        }
    } else {
        // rs == 1: rows lie side by side in memory; pair row k with row k + 1, 16 lanes at a time
        for (int kp = 0; kp < kpn; kp++) {
            const float *r0 = X + (long)(k0 + 2 * kp) * ks + i0;
            int second = 2 * kp + 1 < kc;
            for (int j = 0; j < P; j += 16) {
                __mmask16 m = lanes(valid - j);
                __m512 lo = _mm512_maskz_loadu_ps(m, r0 + j);
                __m512 hi = second ? _mm512_maskz_loadu_ps(m, r0 + ks + j) : _mm512_setzero_ps();
                _mm512_mask_storeu_epi32(dst + kp * P + j, lanes(P - j), pair_rows(lo, hi));
            }
        }
    }
}

// C tile (mr ≤ 12, nr ≤ 32) = alpha · Σ_kp a[kp] ⊗ b[kp] + beta · C
static void kernel(int kpn, const uint32_t *a, const uint32_t *b, float *c, long ldc,
                   int mr, int nr, float alpha, float beta) {
    __m512 acc[MR][2];
#pragma clang loop unroll(full)
    for (int r = 0; r < MR; r++) { acc[r][0] = _mm512_setzero_ps(); acc[r][1] = _mm512_setzero_ps(); }
    for (int kp = 0; kp < kpn; kp++) {
        __m512bh b0 = (__m512bh)_mm512_loadu_si512(b), b1 = (__m512bh)_mm512_loadu_si512(b + 16);
#pragma clang loop unroll(full)
        for (int r = 0; r < MR; r++) {
            __m512bh av = (__m512bh)_mm512_set1_epi32((int)a[r]);
            acc[r][0] = _mm512_dpbf16_ps(acc[r][0], av, b0);
            acc[r][1] = _mm512_dpbf16_ps(acc[r][1], av, b1);
        }
        a += MR; b += NR;
    }
    __mmask16 m0 = lanes(nr), m1 = lanes(nr - 16);
    __m512 va = _mm512_set1_ps(alpha), vb = _mm512_set1_ps(beta);
    for (int r = 0; r < mr; r++) {
        float *row = c + r * ldc;
        __m512 x0 = _mm512_mul_ps(acc[r][0], va), x1 = _mm512_mul_ps(acc[r][1], va);
        if (beta != 0) {
            x0 = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(m0, row), vb, x0);
            x1 = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(m1, row + 16), vb, x1);
        }
        _mm512_mask_storeu_ps(row, m0, x0);
        _mm512_mask_storeu_ps(row + 16, m1, x1);
    }
}

// Per-thread packing buffers, grown once to the block sizes (≈ 650 KB a thread).
static _Thread_local uint32_t *apack, *bpack;

void bf16_gemm(int M, int N, int K, float alpha,
               const float *A, long a_rs, long a_ks,
               const float *B, long b_rs, long b_ks,
               float beta, float *C, long ldc) {
    if (M <= 0 || N <= 0) return;
    if (K <= 0) {
        for (int m = 0; m < M; m++) for (int n = 0; n < N; n++) C[m * ldc + n] = beta == 0 ? 0 : beta * C[m * ldc + n];
        return;
    }
    if (!apack) {
        apack = aligned_alloc(64, (size_t)MC * KC * 2);
        bpack = aligned_alloc(64, (size_t)NC * KC * 2);
        if (!apack || !bpack) abort();
    }
    for (int jc = 0; jc < N; jc += NC) {
        int nc = N - jc < NC ? N - jc : NC;
        for (int pc = 0; pc < K; pc += KC) {
            int kc = K - pc < KC ? K - pc : KC, kpn = (kc + 1) / 2;
            float bet = pc == 0 ? beta : 1;   // later k blocks add to what the first wrote
            for (int jr = 0; jr < nc; jr += NR)
                pack(bpack + (jr / NR) * kpn * NR, B, b_rs, b_ks, jc + jr, nc - jr < NR ? nc - jr : NR, NR, pc, kc);
            for (int ic = 0; ic < M; ic += MC) {
                int mc = M - ic < MC ? M - ic : MC;
                for (int ir = 0; ir < mc; ir += MR)
                    pack(apack + (ir / MR) * kpn * MR, A, a_rs, a_ks, ic + ir, mc - ir < MR ? mc - ir : MR, MR, pc, kc);
                for (int jr = 0; jr < nc; jr += NR)
                    for (int ir = 0; ir < mc; ir += MR)
                        kernel(kpn, apack + (ir / MR) * kpn * MR, bpack + (jr / NR) * kpn * NR,
                               C + (long)(ic + ir) * ldc + jc + jr, ldc,
                               mc - ir < MR ? mc - ir : MR, nc - jr < NR ? nc - jr : NR, alpha, bet);
            }
        }
    }
}

#else
int bf16_gemm_compiled(void) { return 0; }
void bf16_gemm(int M, int N, int K, float alpha, const float *A, long a_rs, long a_ks, const float *B, long b_rs,
               long b_ks, float beta, float *C, long ldc) {
    (void)M; (void)N; (void)K; (void)alpha; (void)A; (void)a_rs; (void)a_ks; (void)B; (void)b_rs; (void)b_ks;
    (void)beta; (void)C; (void)ldc;
}
#endif
