/* cu2sycl: the cuda_profiler_api.h name for cu2sycl's CUDA declarations (see README.md). */
#include "cu2sycl_cuda.h"
