#pragma once
// Private: the few SSE2 idioms the scanners share (every x86-64 has SSE2;
// elsewhere the callers keep their byte loops). Callers test NEWSD_USE_SSE2,
// not __SSE2__: a build with -DNEWSD_FORCE_SCALAR=ON (CMake option) compiles
// the byte loops on x86-64 too, so that `make test` runs them (test-scalar).
#if defined(__SSE2__) && !defined(NEWSD_FORCE_SCALAR)
#define NEWSD_USE_SSE2 1
#else
#define NEWSD_USE_SSE2 0
#endif

#if NEWSD_USE_SSE2
#include <emmintrin.h>

namespace feeds::detail::sse2 {

[[gnu::always_inline]] inline __m128i load(const char* at) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
}

// Which of the sixteen bytes lie in [lo, hi]: an unsigned x - lo <= hi - lo.
[[gnu::always_inline]] inline __m128i in_range(__m128i bytes, char lo, char hi) {
  const __m128i offset = _mm_sub_epi8(bytes, _mm_set1_epi8(lo));
  return _mm_cmpeq_epi8(_mm_min_epu8(offset, _mm_set1_epi8(static_cast<char>(hi - lo))), offset);
}

[[gnu::always_inline]] inline __m128i equal(__m128i bytes, char c) {
  return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c));
}

// One bit per byte of a compare result.
[[gnu::always_inline]] inline unsigned bits(__m128i compare) {
  return static_cast<unsigned>(_mm_movemask_epi8(compare));
}

}  // namespace feeds::detail::sse2
#endif
