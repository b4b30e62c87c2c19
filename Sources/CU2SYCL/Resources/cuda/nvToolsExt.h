/* cu2sycl: the NVTX v2 header name for cu2sycl's NVTX declarations (see README.md). */
#include "nvtx3/nvToolsExt.h"
