/* cu2sycl: the vector_types.h name for cu2sycl's CUDA declarations (see README.md). */
#include "cu2sycl_cuda.h"
