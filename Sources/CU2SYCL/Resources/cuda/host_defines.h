/* cu2sycl: the host_defines.h name for cu2sycl's CUDA declarations (see README.md). */
#include "cu2sycl_cuda.h"
