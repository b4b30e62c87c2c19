/* Force-included after clang's CUDA wrapper when cu2sycl parses against a real CUDA SDK
 * (CUDAEnvironment.parseArguments, SDK mode). Not used with cu2sycl's own declarations. */

/* CUDA's crt/host_defines.h (11.x) defines __noinline__ as __attribute__((noinline)). clang >= 15
 * treats __noinline__ as a keyword in CUDA mode, and the macro breaks libstdc++ 12's
 * __attribute__((__noinline__)) in <memory> (bits/shared_ptr_base.h), so <memory>, thrust, ...
 * fail to parse. Dropping the macro keeps the keyword, as with cu2sycl's own declarations. */
#undef __noinline__
