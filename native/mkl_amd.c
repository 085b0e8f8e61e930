/*
 * Opt-out speed shim for AMD CPUs (see README, "Speed").
 *
 * libtorch links Intel MKL, which checks mkl_serv_intel_cpu_true() and takes its slower AVX2 code
 * paths on non-Intel CPUs even when they support AVX-512. Preloading this definition makes MKL use
 * the AVX-512 kernels (about 1.5-2x faster matrix products measured on AMD EPYC). Results are the
 * same up to floating-point summation order; a test in seq4j-core checks them.
 * The launcher builds it with the system C compiler and preloads it only on AMD CPUs with AVX-512;
 * SEQ4J_MKL_AVX512=0 turns it off.
 */
int mkl_serv_intel_cpu_true(void) { return 1; }
