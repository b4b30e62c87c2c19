// register_images.hpp -- part of cu2sycl's SYCL verification harness (scripts/verify-sycl.sh).
//
// Why: we build migrated SYCL programs without a DPC++ compiler. The host side is compiled by an
// ordinary clang++ (-fsycl-is-host + the integration header that cu2sycl-devc wrote), and the
// device side is SPIR-V written by cu2sycl-devc. What is missing is the piece the DPC++ offload
// wrapper normally links into every executable: a call to __sycl_register_lib() that tells
// libsycl which device images exist and which kernels each one contains. This header supplies it.
//
// Use: force-include it after the integration header (-include int_header.h -include this) and
// run the program with CU2SYCL_SPV_IMAGES=img1.spv:img2.spv:... .
//
// The descriptor structs below mirror libsycl's *internal* ABI (sycl/source/detail/compiler.hpp)
// as found in libsycl.so.9 of intel-sycl-rt 2026.1/2026.2. They are not a public interface: that
// is why scripts/sycl-runtime.sh pins the runtime's exact version. Re-check them when bumping it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

extern "C" void __sycl_register_lib(void *);

namespace cu2sycl_harness {

// _sycl_offload_entry_struct (old layout; libsycl only reads the name).
struct OffloadEntry { void *addr; char *name; size_t size; int32_t flags; int32_t reserved; };
// _sycl_device_binary_property_set_struct (we pass none).
struct PropertySet;
// sycl_device_binary_struct, descriptor version 1, without the manifest fields.
struct DeviceBinary {
  uint16_t Version;
  uint8_t Kind;    // 4 = SYCL offload kind
  uint8_t Format;  // 2 = SPIR-V
  const char *DeviceTargetSpec, *CompileOptions, *LinkOptions;
  const unsigned char *BinaryStart, *BinaryEnd;
  OffloadEntry *EntriesBegin, *EntriesEnd;
  PropertySet *PropertySetsBegin, *PropertySetsEnd;
};
static_assert(sizeof(DeviceBinary) == 0x50, "layout of sycl_device_binary_struct (libsycl.so.9)");
// sycl_device_binaries_struct
struct DeviceBinaries {
  uint16_t Version;
  uint16_t NumDeviceBinaries;
  DeviceBinary *DeviceBinaries;
  OffloadEntry **HostEntriesBegin, **HostEntriesEnd;  // unused by SYCL
};

struct LoadedImage {
  std::vector<unsigned char> bytes;
  std::vector<std::string> kernel_names;
  std::vector<OffloadEntry> entries;
};

// The kernel names an image defines are the names of its OpEntryPoint instructions; the
// runtime matches them against the names the integration header gives each kernel type.
inline std::vector<std::string> spirv_entry_points(const std::vector<unsigned char> &bytes) {
  std::vector<std::string> names;
  if (bytes.size() < 20 || bytes.size() % 4 != 0) return names;
  std::vector<uint32_t> words(bytes.size() / 4);
  for (size_t i = 0; i < words.size(); ++i)  // SPIR-V words are little-endian on x86-64
    words[i] = uint32_t(bytes[4 * i]) | uint32_t(bytes[4 * i + 1]) << 8 |
               uint32_t(bytes[4 * i + 2]) << 16 | uint32_t(bytes[4 * i + 3]) << 24;
  if (words[0] != 0x07230203u) return names;  // SPIR-V magic number
  for (size_t i = 5; i < words.size();) {     // instructions start after the 5-word header
    uint32_t word_count = words[i] >> 16, opcode = words[i] & 0xffff;
    if (word_count == 0 || i + word_count > words.size()) break;
    // OpEntryPoint: <execution model> <function id> <name (nul-terminated string)> <interface...>
    if (opcode == 15 && word_count > 3) {
      const char *s = reinterpret_cast<const char *>(&words[i + 3]);
      size_t max_len = 4 * (word_count - 3), len = 0;
      while (len < max_len && s[len]) ++len;
      names.emplace_back(s, len);
    }
    i += word_count;
  }
  return names;
}

inline bool read_file(const std::string &path, std::vector<unsigned char> &out) {
  FILE *f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  bool ok = std::fseek(f, 0, SEEK_END) == 0;
  long size = ok ? std::ftell(f) : -1;
  ok = ok && size >= 0 && std::fseek(f, 0, SEEK_SET) == 0;
  if (ok) {
    out.resize(size_t(size));
    ok = std::fread(out.data(), 1, out.size(), f) == out.size();
  }
  std::fclose(f);
  return ok;
}

// Priority 101 (the first one available to programs) so the images are registered before any
// ordinary global constructor of the program runs: migrated code may create a queue and launch a
// kernel from a namespace-scope initializer, and an unregistered kernel crashes libsycl.
// libsycl itself is a shared library, so it is initialized before this runs.
__attribute__((constructor(101))) inline void register_spirv_images() {
  const char *list = std::getenv("CU2SYCL_SPV_IMAGES");
  if (!list || !*list) return;
  // Deliberately leaked: libsycl keeps pointers into these until it shuts down, which can be
  // after the program's static objects are destroyed.
  auto *images = new std::vector<LoadedImage>();
  std::string paths = list;
  for (size_t start = 0; start <= paths.size();) {
    size_t colon = paths.find(':', start);
    if (colon == std::string::npos) colon = paths.size();
    std::string path = paths.substr(start, colon - start);
    start = colon + 1;
    if (path.empty()) continue;
    LoadedImage image;
    if (!read_file(path, image.bytes)) {
      std::fprintf(stderr, "register_images: cannot read device image %s\n", path.c_str());
      continue;
    }
    image.kernel_names = spirv_entry_points(image.bytes);
    images->push_back(std::move(image));
  }
  auto *binaries = new std::vector<DeviceBinary>();
  for (LoadedImage &image : *images) {  // entries point into kernel_names: fill after the moves
    for (std::string &name : image.kernel_names)
      image.entries.push_back(OffloadEntry{nullptr, &name[0], 0, 0, 0});
    binaries->push_back(DeviceBinary{1, 4, 2, "spir64", "", "", image.bytes.data(),
                                     image.bytes.data() + image.bytes.size(), image.entries.data(),
                                     image.entries.data() + image.entries.size(), nullptr, nullptr});
  }
  if (binaries->empty()) return;
  auto *descriptor = new DeviceBinaries{1, uint16_t(binaries->size()), binaries->data(), nullptr, nullptr};
  __sycl_register_lib(descriptor);
}

}  // namespace cu2sycl_harness
