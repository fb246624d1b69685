// Per-function build hints for the page, where size and speed pull apart. clang (Emscripten) honours
// them; GCC, the native build, has no minsize and unrolls on its own, so they are empty there.
#pragma once

#if defined(__clang__)
// Runs once per run, network or record, not per step: built for size.
#define NABLA_FOR_SIZE __attribute__((minsize))
// Runs once per layer or pass: kept out of line so the page holds one copy.
#define NABLA_ONCE __attribute__((noinline))
// Where the time goes: inlined and unrolled into registers whatever the optimisation level.
#define NABLA_INLINE __attribute__((always_inline)) inline
#define NABLA_UNROLL _Pragma("clang loop unroll(full)")
#else
#define NABLA_FOR_SIZE
#define NABLA_ONCE
#define NABLA_INLINE inline
#define NABLA_UNROLL
#endif
