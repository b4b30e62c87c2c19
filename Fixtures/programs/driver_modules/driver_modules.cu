// driver_modules: kernels loaded from a module and launched by name with the driver API.
// Loads the image of module_kernels.cu, looks up two extern "C" kernels with cuModuleGetFunction (and
// checks that an unknown name is CUDA_ERROR_NOT_FOUND), launches one with kernelParams and the other
// with its arguments packed in a buffer (CU_LAUNCH_PARAM_BUFFER_POINTER), and checks the results.
// cu2sycl-fixture: no-emulator (the emulator cannot load a module image: the kernels live in another file)
#include <cstdio>
#include <cstring>
#include <cuda.h>

#define CHECK(call)                                                                  \
  do {                                                                               \
    CUresult status = (call);                                                        \
    if (status != CUDA_SUCCESS) {                                                    \
      printf("FAIL driver_modules: error %d at line %d\n", (int)status, __LINE__);   \
      return 1;                                                                      \
    }                                                                                \
  } while (0)

// Where the next argument of a packed buffer goes: at an offset aligned for its type.
#define ALIGN_UP(offset, alignment) (offset) = ((offset) + (alignment) - 1) & ~((alignment) - 1)

const int kN = 1000;
const int kBlock = 128;

int main() {
  CHECK(cuInit(0));
  CUdevice device;
  CHECK(cuDeviceGet(&device, 0));
  CUcontext context;
  CHECK(cuCtxCreate(&context, 0, device));
  CUmodule module;
  CHECK(cuModuleLoad(&module, "module_kernels.fatbin"));
  CUfunction scaleAdd, blockMax, missing;
  CHECK(cuModuleGetFunction(&scaleAdd, module, "scaleAdd"));
  CHECK(cuModuleGetFunction(&blockMax, module, "blockMax"));
  if (cuModuleGetFunction(&missing, module, "noSuchKernel") != CUDA_ERROR_NOT_FOUND) {
    printf("FAIL driver_modules: an unknown kernel name was found\n");
    return 1;
  }

  // scaleAdd with kernelParams: data = data * 2 + bias.
  float host[kN], biasHost[kN];
  for (int i = 0; i < kN; ++i) {
    host[i] = static_cast<float>(i);
    biasHost[i] = static_cast<float>(i % 3);
  }
  CUdeviceptr data, bias;
  CHECK(cuMemAlloc(&data, kN * sizeof(float)));
  CHECK(cuMemAlloc(&bias, kN * sizeof(float)));
  CHECK(cuMemcpyHtoD(data, host, kN * sizeof(float)));
  CHECK(cuMemcpyHtoD(bias, biasHost, kN * sizeof(float)));
  float factor = 2.0f;
  int n = kN;
  void *args[] = {&data, &bias, &factor, &n};
  CHECK(cuLaunchKernel(scaleAdd, (kN + kBlock - 1) / kBlock, 1, 1, kBlock, 1, 1, 0, NULL, args, NULL));
  float result[kN];
  CHECK(cuMemcpyDtoH(result, data, kN * sizeof(float)));
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
  CUdeviceptr in, out;
  CHECK(cuMemAlloc(&in, kN * sizeof(int)));
  CHECK(cuMemAlloc(&out, blocks * sizeof(double)));
  CHECK(cuMemcpyHtoD(in, values, kN * sizeof(int)));
  char buffer[64];
  size_t size = 0;
  short scale = 3;
  double offset = 0.5;
  ALIGN_UP(size, alignof(int));
  memcpy(buffer + size, &n, sizeof(n));
  size += sizeof(n);
  ALIGN_UP(size, alignof(CUdeviceptr));
  memcpy(buffer + size, &in, sizeof(in));
  size += sizeof(in);
  ALIGN_UP(size, alignof(short));
  memcpy(buffer + size, &scale, sizeof(scale));
  size += sizeof(scale);
  ALIGN_UP(size, alignof(double));
  memcpy(buffer + size, &offset, sizeof(offset));
  size += sizeof(offset);
  ALIGN_UP(size, alignof(CUdeviceptr));
  memcpy(buffer + size, &out, sizeof(out));
  size += sizeof(out);
  void *config[] = {CU_LAUNCH_PARAM_BUFFER_POINTER, buffer, CU_LAUNCH_PARAM_BUFFER_SIZE, &size, CU_LAUNCH_PARAM_END};
  CHECK(cuLaunchKernel(blockMax, blocks, 1, 1, kBlock, 1, 1, kBlock * sizeof(int), NULL, NULL, config));
  double maxima[blocks];
  CHECK(cuMemcpyDtoH(maxima, out, sizeof(maxima)));
  for (int b = 0; b < blocks; ++b) {
    int best = -1;
    for (int i = b * kBlock; i < (b + 1) * kBlock && i < kN; ++i) best = values[i] > best ? values[i] : best;
    if (maxima[b] != best * 3 + 0.5) {
      printf("FAIL driver_modules: block %d maximum %f, expected %d\n", b, maxima[b], best * 3);
      return 1;
    }
  }

  CHECK(cuMemFree(data));
  CHECK(cuMemFree(bias));
  CHECK(cuMemFree(in));
  CHECK(cuMemFree(out));
  CHECK(cuModuleUnload(module));
  CHECK(cuCtxDestroy(context));
  printf("PASS driver_modules\n");
  return 0;
}
