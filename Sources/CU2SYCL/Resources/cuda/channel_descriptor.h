/* cu2sycl: the channel_descriptor.h name for cu2sycl's CUDA declarations (see README.md). */
#include "cu2sycl_cuda.h"
