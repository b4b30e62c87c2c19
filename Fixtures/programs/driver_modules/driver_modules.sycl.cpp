// driver_modules: kernels loaded from a module and launched by name with the driver API.
// Loads the image of module_kernels.cu, looks up two extern "C" kernels with cuModuleGetFunction (and
// checks that an unknown name is CUDA_ERROR_NOT_FOUND), launches one with kernelParams and the other
// with its arguments packed in a buffer (CU_LAUNCH_PARAM_BUFFER_POINTER), and checks the results.
// cu2sycl-fixture: no-emulator (the emulator cannot load a module image: the kernels live in another file)
#include <cstdio>
#include <cstring>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define CHECK(call)                                                                  \
  do {                                                                               \
    int status = (call);                                                        \
    if (status != 0) {                                                    \
      printf("FAIL driver_modules: error %d at line %d\n", (int)status, __LINE__);   \
      return 1;                                                                      \
    }                                                                                \
  } while (0)

// Where the next argument of a packed buffer goes: at an offset aligned for its type.
#define ALIGN_UP(offset, alignment) (offset) = ((offset) + (alignment) - 1) & ~((alignment) - 1)

const int kN = 1000;
const int kBlock = 128;

int main() {
  CHECK(0);
  int device;
  CHECK((device = 0, 0));
  cu2sycl::context_ptr context;
  CHECK((context = cu2sycl::create_context(device), 0));
  cu2sycl::module_ptr module;
  // CU2SYCL-W083: SYCL cannot load a kernel image at run time: the module's kernels (scaleAdd, blockMax) must come from the migrated module_kernels.sycl.cpp, compiled into this program
  CHECK(cu2sycl::load_module(&module));
  cu2sycl::function_ptr scaleAdd, blockMax, missing;
  CHECK(cu2sycl::get_function(&scaleAdd, module, "scaleAdd"));
  CHECK(cu2sycl::get_function(&blockMax, module, "blockMax"));
  if (cu2sycl::get_function(&missing, module, "noSuchKernel") != 500 /* CUDA_ERROR_NOT_FOUND */) {
    printf("FAIL driver_modules: an unknown kernel name was found\n");
    return 1;
  }

  // scaleAdd with kernelParams: data = data * 2 + bias.
  float host[kN], biasHost[kN];
  for (int i = 0; i < kN; ++i) {
    host[i] = static_cast<float>(i);
    biasHost[i] = static_cast<float>(i % 3);
  }
  cu2sycl::device_ptr data, bias;
  CHECK(((data = static_cast<cu2sycl::device_ptr>(sycl::malloc_device(kN * sizeof(float), cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CHECK(((bias = static_cast<cu2sycl::device_ptr>(sycl::malloc_device(kN * sizeof(float), cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CHECK((cu2sycl::default_queue().memcpy(data, host, kN * sizeof(float)).wait(), 0));
  CHECK((cu2sycl::default_queue().memcpy(bias, biasHost, kN * sizeof(float)).wait(), 0));
  float factor = 2.0f;
  int n = kN;
  void *args[] = {&data, &bias, &factor, &n};
  CHECK(cu2sycl::launch_kernel(scaleAdd, (kN + kBlock - 1) / kBlock, 1, 1, kBlock, 1, 1, 0, NULL, args, NULL));
  float result[kN];
  CHECK((cu2sycl::default_queue().memcpy(result, data, kN * sizeof(float)).wait(), 0));
  for (int i = 0; i < kN; ++i) {
    if (result[i] != i * 2.0f + i % 3) {
      printf("FAIL driver_modules: scaleAdd gave %f at %d\n", result[i], i);
      return 1;
    }
  }

  // blockMax with a packed argument buffer and dynamic shared memory.
  const int blocks = (kN + kBlock - 1) / kBlock;
  int values[kN];
  for (int i = 0; i < kN; ++i) values[i] = (i * 37) % 1001;
  cu2sycl::device_ptr in, out;
  CHECK(((in = static_cast<cu2sycl::device_ptr>(sycl::malloc_device(kN * sizeof(int), cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CHECK(((out = static_cast<cu2sycl::device_ptr>(sycl::malloc_device(blocks * sizeof(double), cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CHECK((cu2sycl::default_queue().memcpy(in, values, kN * sizeof(int)).wait(), 0));
  char buffer[64];
  size_t size = 0;
  short scale = 3;
  double offset = 0.5;
  ALIGN_UP(size, alignof(int));
  memcpy(buffer + size, &n, sizeof(n));
  size += sizeof(n);
  ALIGN_UP(size, alignof(cu2sycl::device_ptr));
  memcpy(buffer + size, &in, sizeof(in));
  size += sizeof(in);
  ALIGN_UP(size, alignof(short));
  memcpy(buffer + size, &scale, sizeof(scale));
  size += sizeof(scale);
  ALIGN_UP(size, alignof(double));
  memcpy(buffer + size, &offset, sizeof(offset));
  size += sizeof(offset);
  ALIGN_UP(size, alignof(cu2sycl::device_ptr));
  memcpy(buffer + size, &out, sizeof(out));
  size += sizeof(out);
  void *config[] = {cu2sycl::launch_param_buffer_pointer, buffer, cu2sycl::launch_param_buffer_size, &size, cu2sycl::launch_param_end};
  CHECK(cu2sycl::launch_kernel(blockMax, blocks, 1, 1, kBlock, 1, 1, kBlock * sizeof(int), NULL, NULL, config));
  double maxima[blocks];
  CHECK((cu2sycl::default_queue().memcpy(maxima, out, sizeof(maxima)).wait(), 0));
  for (int b = 0; b < blocks; ++b) {
    int best = -1;
    for (int i = b * kBlock; i < (b + 1) * kBlock && i < kN; ++i) best = values[i] > best ? values[i] : best;
    if (maxima[b] != best * 3 + 0.5) {
      printf("FAIL driver_modules: block %d maximum %f, expected %d\n", b, maxima[b], best * 3);
      return 1;
    }
  }

  CHECK((sycl::free(data, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(bias, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(in, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(out, cu2sycl::default_queue()), 0));
  CHECK(cu2sycl::unload_module(module));
  CHECK((cu2sycl::destroy_context(context), 0));
  printf("PASS driver_modules\n");
  return 0;
}
