// devc.cpp -- cu2sycl-devc, the device-side compiler of cu2sycl's SYCL verification harness.
//
// Why: the PyPI SYCL runtime has no DPC++ driver, but libsycl-jit.so embeds the DPC++ front end
// for the kernel_compiler extension (create_kernel_bundle_from_source with source_language::sycl).
// Building a one-line source that #includes the program compiles the whole translation unit as
// SYCL device code, so it reports device-only errors (recursion, exceptions, undefined functions
// in kernels) that the host type-check cannot see. Two of its side effects are what the harness
// needs to run the program afterwards:
//   * with SYCL_DUMP_IMAGES=1 in the environment, libsycl writes the SPIR-V it built to
//     sycl_spir64*.spv in the current directory;
//   * with "-Xclang -fsycl-int-header=FILE" the front end writes the integration header that the
//     host compile must force-include (kernel names and argument layouts).
//
// Usage: SYCL_DUMP_IMAGES=1 cu2sycl-devc FILE.cpp [compiler options...]
// Exit status 0 on success; 1 with the compiler log on stderr on failure; 2 on bad usage.
#include <sycl/sycl.hpp>

#include <iostream>
#include <string>
#include <vector>

namespace syclexp = sycl::ext::oneapi::experimental;

int main(int argc, char **argv) {
  if (argc < 2) {
    std::cerr << "usage: SYCL_DUMP_IMAGES=1 cu2sycl-devc FILE.cpp [compiler options...]\n";
    return 2;
  }
  std::string path = argv[1];
  if (path.find_first_of("\"\n") != std::string::npos) {
    std::cerr << "cu2sycl-devc: unsupported characters in path: " << path << "\n";
    return 2;
  }
  // An absolute #include keeps quoted includes relative to the program's own directory working.
  std::string source = "#include \"" + path + "\"\n";
  std::vector<std::string> options(argv + 2, argv + argc);
  std::string log;
  try {
    // The kernel compiler needs a context with a device; any CPU device will do.
    sycl::queue q{sycl::cpu_selector_v};
    auto bundle = syclexp::create_kernel_bundle_from_source(
        q.get_context(), syclexp::source_language::sycl, source);
    auto built = syclexp::build(
        bundle, syclexp::properties{syclexp::build_options{options}, syclexp::save_log{&log}});
    (void)built;
  } catch (const sycl::exception &e) {
    std::cerr << e.what() << "\n" << log;
    return 1;
  }
  if (!log.empty()) std::cerr << log;  // warnings
  return 0;
}
