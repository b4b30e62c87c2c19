// driver_modules: the kernels that driver_modules.cu loads from a module by name. With CUDA this file
// is built on its own into an image (nvcc -fatbin module_kernels.cu -o module_kernels.fatbin).
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

extern "C" void scaleAdd(float *data, const float *bias, float factor, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) data[i] = data[i] * factor + bias[i];
}

// scaleAdd launched with its arguments in an array (args[i] points to parameter i).
void scaleAdd_launcher(sycl::queue &q, cu2sycl::dim3 grid, cu2sycl::dim3 block, std::size_t shared_bytes, void **args) {
  float *data = *static_cast<float **>(args[0]);
  const float *bias = *static_cast<const float **>(args[1]);
  float factor = *static_cast<float *>(args[2]);
  int n = *static_cast<int *>(args[3]);
  q.parallel_for(sycl::nd_range<1>(cu2sycl::range<1>(grid) * cu2sycl::range<1>(block), cu2sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
    scaleAdd(data, bias, factor, n, item);
  });
}
// Found by name in a module (cu2sycl::get_function, for cuModuleGetFunction).
static cu2sycl::kernel_registration<float *, const float *, float, int> scaleAdd_registration("scaleAdd", scaleAdd_launcher);

// Per-block maxima through dynamic shared memory; the arguments mix sizes (int, pointer, short, double).
extern "C" void blockMax(int n, const int *in, short scale, double offset, double *out, const sycl::nd_item<1> &item, int *best) {
  int i = item.get_global_id(0);
  best[item.get_local_id(0)] = i < n ? in[i] : -1;
  sycl::group_barrier(item.get_group());
  for (int stride = item.get_local_range(0) / 2; stride > 0; stride /= 2) {
    if (item.get_local_id(0) < stride && best[item.get_local_id(0) + stride] > best[item.get_local_id(0)]) best[item.get_local_id(0)] = best[item.get_local_id(0) + stride];
    sycl::group_barrier(item.get_group());
  }
  if (item.get_local_id(0) == 0) out[item.get_group(0)] = best[0] * scale + offset;
}

// blockMax launched with its arguments in an array (args[i] points to parameter i).
void blockMax_launcher(sycl::queue &q, cu2sycl::dim3 grid, cu2sycl::dim3 block, std::size_t shared_bytes, void **args) {
  int n = *static_cast<int *>(args[0]);
  const int *in = *static_cast<const int **>(args[1]);
  short scale = *static_cast<short *>(args[2]);
  double offset = *static_cast<double *>(args[3]);
  double *out = *static_cast<double **>(args[4]);
  q.submit([&](sycl::handler &cgh) {
    sycl::local_accessor<int, 1> best(sycl::range<1>(shared_bytes / sizeof(int)), cgh);
    cgh.parallel_for(sycl::nd_range<1>(cu2sycl::range<1>(grid) * cu2sycl::range<1>(block), cu2sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
      blockMax(n, in, scale, offset, out, item, best.get_multi_ptr<sycl::access::decorated::no>().get());
    });
  });
}
// Found by name in a module (cu2sycl::get_function, for cuModuleGetFunction).
static cu2sycl::kernel_registration<int, const int *, short, double, double *> blockMax_registration("blockMax", blockMax_launcher);
