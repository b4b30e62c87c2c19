/* Force-included after clang's CUDA wrapper when cu2sycl parses against a real CUDA SDK
 * (CUDAEnvironment.parseArguments, SDK mode). Not used with cu2sycl's own declarations. */

/* CUDA's crt/host_defines.h (11.x) defines __noinline__ as __attribute__((noinline)). clang >= 15
 * treats __noinline__ as a keyword in CUDA mode, and the macro breaks libstdc++ 12's
 * __attribute__((__noinline__)) in <memory> (bits/shared_ptr_base.h), so <memory>, thrust, ...
 * fail to parse. Dropping the macro keeps the keyword, as with cu2sycl's own declarations. */
#undef __noinline__

/* clang's CUDA wrapper includes the SDK's texture fetches (texture_indirect_functions.h) but not the
 * surface accesses, so surf2Dread/surf2Dwrite would not resolve in a host-only parse. */
#if defined(__cplusplus) && __has_include(<surface_indirect_functions.h>)
#include <surface_indirect_functions.h>
#endif
