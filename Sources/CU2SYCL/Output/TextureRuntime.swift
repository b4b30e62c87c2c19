/// The software textures and surfaces of `cu2sycl/runtime.hpp` (plain SYCL 2020): what TextureRule
/// converts CUDA's texture API to.
extension RuntimeHeader {
  static let textures = """

      // CUDA textures in software. SYCL 2020 images are reached through accessors of a command group, while
      // CUDA's texture objects are plain values passed to kernels; these types keep CUDA's model: a texture
      // is a trivially copyable description of USM memory, and the fetches sample it as CUDA's texture
      // units do (texel centers at +0.5, address modes, point and linear filtering, normalized reads).
      // The enumerators have CUDA's values, so zero-filled descriptors mean what they meant.
      enum class channel_kind { signed_integer, unsigned_integer, floating, none };
      enum class resource_type { array, mipmapped_array, linear, pitch2d };
      enum class address_mode { wrap, clamp, mirror, border };
      enum class filter_mode { point, linear };
      enum class read_mode { element_type, normalized_float };

      // cudaChannelFormatDesc: bits of each channel (x, y, z, w) and their kind.
      struct channel_desc {
        int x, y, z, w;
        channel_kind f;
      };

      inline channel_desc create_channel_desc(int x, int y, int z, int w, channel_kind f) { return channel_desc{x, y, z, w, f}; }

      namespace texture_detail {
      template <class T> struct element_of {
        using type = T;
        static constexpr int count = 1;
      };
      template <class T, int N> struct element_of<sycl::vec<T, N>> {
        using type = T;
        static constexpr int count = N;
      };
      }  // namespace texture_detail

      // cudaCreateChannelDesc<T>(): the channel layout of an element type (scalar or sycl::vec).
      template <class T> channel_desc create_channel_desc() {
        using E = typename texture_detail::element_of<T>::type;
        constexpr int n = texture_detail::element_of<T>::count, bits = static_cast<int>(sizeof(E)) * 8;
        channel_kind kind = std::is_floating_point_v<E> || std::is_same_v<E, sycl::half> ? channel_kind::floating
                            : std::is_signed_v<E>                                         ? channel_kind::signed_integer
                                                                                          : channel_kind::unsigned_integer;
        return channel_desc{bits, n > 1 ? bits : 0, n > 2 ? bits : 0, n > 3 ? bits : 0, kind};
      }

      inline size_t texel_size(const channel_desc &d) { return static_cast<size_t>(d.x + d.y + d.z + d.w) / 8; }

      // cudaMalloc3DArray's flags, with CUDA's values (cudaArrayLayered, ...).
      constexpr unsigned int array_default = 0x00, array_layered = 0x01, array_surface_load_store = 0x02, array_cubemap = 0x04,
                             array_texture_gather = 0x08;

      // cudaArray: texels row after row and slice after slice in one device allocation. A layered array
      // keeps its layers as slices (a 1-D layered one has rows of height 1), a cube map its six faces.
      struct texture_array {
        unsigned char *data;
        size_t width, height, depth;
        channel_desc desc;
        unsigned int flags = array_default;
        size_t row_pitch() const { return width * texel_size(desc); }
      };
      using texture_array_t = texture_array *;

      // cudaMallocArray: a 1-D array when height is 0.
      inline int malloc_array(texture_array **array, const channel_desc *desc, size_t width, size_t height = 0) {
        size_t rows = height == 0 ? 1 : height;
        *array = new texture_array{sycl::malloc_device<unsigned char>(width * rows * texel_size(*desc), default_queue()), width, rows, 1, *desc};
        return 0;
      }

      inline int free_array(texture_array *array) {
        if (array != nullptr) {
          sycl::free(array->data, default_queue());
          delete array;
        }
        return 0;
      }

      inline int get_channel_desc(channel_desc *desc, const texture_array *array) {
        *desc = array->desc;
        return 0;
      }

      // cudaMemcpy2DToArray / cudaMemcpy2DFromArray: `height` rows of `width` bytes; the array side starts
      // at byte `x_offset` of row `y_offset`. Synchronous, as in CUDA.
      inline int memcpy_2d_to_array(texture_array *dst, size_t x_offset, size_t y_offset, const void *src, size_t src_pitch,
                                    size_t width, size_t height) {
        sycl::queue &q = default_queue();
        for (size_t row = 0; row < height; ++row)
          q.memcpy(dst->data + (y_offset + row) * dst->row_pitch() + x_offset, static_cast<const unsigned char *>(src) + row * src_pitch, width);
        q.wait_and_throw();
        return 0;
      }
      inline int memcpy_2d_from_array(void *dst, size_t dst_pitch, const texture_array *src, size_t x_offset, size_t y_offset,
                                      size_t width, size_t height) {
        sycl::queue &q = default_queue();
        for (size_t row = 0; row < height; ++row)
          q.memcpy(static_cast<unsigned char *>(dst) + row * dst_pitch, src->data + (y_offset + row) * src->row_pitch() + x_offset, width);
        q.wait_and_throw();
        return 0;
      }
      // cudaMemcpyToArray / cudaMemcpyFromArray: `count` bytes from byte `x_offset` of row `y_offset` on.
      inline int memcpy_to_array(texture_array *dst, size_t x_offset, size_t y_offset, const void *src, size_t count) {
        default_queue().memcpy(dst->data + y_offset * dst->row_pitch() + x_offset, src, count).wait();
        return 0;
      }
      inline int memcpy_from_array(void *dst, const texture_array *src, size_t x_offset, size_t y_offset, size_t count) {
        default_queue().memcpy(dst, src->data + y_offset * src->row_pitch() + x_offset, count).wait();
        return 0;
      }

      // cudaResourceDesc, with CUDA's field names: the memory a texture reads.
      struct resource_desc {
        resource_type resType;
        union {
          struct {
            texture_array *array;
          } array;
          struct {
            void *mipmap;
          } mipmap;
          struct {
            void *devPtr;
            channel_desc desc;
            size_t sizeInBytes;
          } linear;
          struct {
            void *devPtr;
            channel_desc desc;
            size_t width, height, pitchInBytes;
          } pitch2D;
        } res;
      };

      // cudaTextureDesc, with CUDA's field names: how a texture is sampled. sRGB, anisotropy and the mipmap
      // fields are kept for the code that sets them, and not used.
      struct texture_desc {
        address_mode addressMode[3];
        filter_mode filterMode;
        read_mode readMode;
        int sRGB;
        float borderColor[4];
        int normalizedCoords;
        unsigned int maxAnisotropy;
        filter_mode mipmapFilterMode;
        float mipmapLevelBias, minMipmapLevelClamp, maxMipmapLevelClamp;
        int disableTrilinearOptimization;
        int seamlessCubemap;
      };

      // cudaTextureObject_t: what the fetches read, and how. `= 0` makes an empty one, as in CUDA.
      struct texture_object {
        const unsigned char *data = nullptr;
        size_t width = 0, height = 0, depth = 0;  // in texels (layers for layered arrays)
        size_t pitch = 0;                         // bytes from one row to the next
        channel_desc desc{};
        texture_desc sampling{};
        texture_object() = default;
        texture_object(std::nullptr_t) {}
        explicit operator bool() const { return data != nullptr; }
      };

      inline int create_texture_object(texture_object *object, const resource_desc *res, const texture_desc *tex) {
        texture_object t;
        t.sampling = *tex;
        t.height = t.depth = 1;
        switch (res->resType) {
        case resource_type::array: {
          const texture_array *a = res->res.array.array;
          t.data = a->data, t.desc = a->desc, t.width = a->width, t.height = a->height, t.depth = a->depth, t.pitch = a->row_pitch();
          break;
        }
        case resource_type::linear:
          t.data = static_cast<const unsigned char *>(res->res.linear.devPtr), t.desc = res->res.linear.desc;
          t.width = res->res.linear.sizeInBytes / texel_size(t.desc), t.pitch = res->res.linear.sizeInBytes;
          break;
        case resource_type::pitch2d:
          t.data = static_cast<const unsigned char *>(res->res.pitch2D.devPtr), t.desc = res->res.pitch2D.desc;
          t.width = res->res.pitch2D.width, t.height = res->res.pitch2D.height, t.pitch = res->res.pitch2D.pitchInBytes;
          break;
        default:
          return 1;  // cudaErrorInvalidValue: mipmapped arrays are not supported
        }
        *object = t;
        return 0;
      }

      // The texture only describes memory the program owns, so there is nothing to release.
      inline int destroy_texture_object(texture_object) { return 0; }

      namespace texture_detail {
      inline int channel_bits(const channel_desc &d, int c) { return c == 0 ? d.x : c == 1 ? d.y : c == 2 ? d.z : d.w; }

      // Channel c of the texel at p (little-endian, as host and devices are) as an integer.
      inline long long channel_integer(const channel_desc &d, const unsigned char *p, int c) {
        int offset = 0, bits = channel_bits(d, c);
        for (int i = 0; i < c; ++i) offset += channel_bits(d, i) / 8;
        if (bits <= 0) return 0;
        unsigned long long u = 0;
        for (int i = 0; i < bits / 8; ++i) u |= static_cast<unsigned long long>(p[offset + i]) << (8 * i);
        if (d.f == channel_kind::signed_integer && (u >> (bits - 1)) != 0) return static_cast<long long>(u) - (1LL << bits);
        return static_cast<long long>(u);
      }

      // Channel c as a float: floating channels as stored; integer channels as their value or, read as
      // normalized float (8 and 16 bits), mapped to [0, 1] (unsigned) or [-1, 1] (signed).
      inline float channel_float(const channel_desc &d, const unsigned char *p, int c, bool normalized) {
        int bits = channel_bits(d, c);
        if (bits <= 0) return 0.0f;
        long long v = channel_integer(d, p, c);
        if (d.f == channel_kind::floating)
          return bits == 16 ? static_cast<float>(sycl::bit_cast<sycl::half>(static_cast<unsigned short>(v & 0xffff)))
                            : sycl::bit_cast<float>(static_cast<unsigned int>(v & 0xffffffff));
        if (!normalized || bits > 16) return static_cast<float>(v);
        if (d.f == channel_kind::signed_integer) return sycl::fmax(static_cast<float>(v) / static_cast<float>((1 << (bits - 1)) - 1), -1.0f);
        return static_cast<float>(v) / static_cast<float>((1 << bits) - 1);
      }

      // Texel index i of dimension dim after the address mode; false when it falls on the border. CUDA
      // supports wrap and mirror only with normalized coordinates and clamps otherwise.
      inline bool address(const texture_object &t, int dim, long long &i) {
        long long n = static_cast<long long>(dim == 0 ? t.width : dim == 1 ? t.height : t.depth);
        address_mode mode = t.sampling.addressMode[dim];
        if (!t.sampling.normalizedCoords && (mode == address_mode::wrap || mode == address_mode::mirror)) mode = address_mode::clamp;
        switch (mode) {
        case address_mode::wrap: i = (i % n + n) % n; return true;
        case address_mode::mirror: {
          long long m = (i % (2 * n) + 2 * n) % (2 * n);
          i = m < n ? m : 2 * n - 1 - m;
          return true;
        }
        case address_mode::border: return i >= 0 && i < n;
        default: i = i < 0 ? 0 : i >= n ? n - 1 : i; return true;
        }
      }

      // A cube-map direction (x, y, z) as a face (the layer) and normalized coordinates on it, as in the
      // CUDA programming guide's cubemap table: the major axis m picks the face, and the face's (s, t)
      // become ((s / |m| + 1) / 2, (t / |m| + 1) / 2).
      inline int cube_face(float x, float y, float z, float &u, float &v) {
        float ax = sycl::fabs(x), ay = sycl::fabs(y), az = sycl::fabs(z), m, s, t;
        int face;
        if (ax >= ay && ax >= az) face = x >= 0 ? 0 : 1, m = ax, s = x >= 0 ? -z : z, t = -y;
        else if (ay >= az) face = y >= 0 ? 2 : 3, m = ay, s = x, t = y >= 0 ? z : -z;
        else face = z >= 0 ? 4 : 5, m = az, s = z >= 0 ? x : -x, t = -y;
        u = (s / m + 1.0f) * 0.5f, v = (t / m + 1.0f) * 0.5f;
        return face;
      }

      inline const unsigned char *texel(const texture_object &t, const long long (&i)[3]) {
        return t.data + (static_cast<size_t>(i[2]) * t.height + static_cast<size_t>(i[1])) * t.pitch + static_cast<size_t>(i[0]) * texel_size(t.desc);
      }

      // Samples Dims dimensions at coordinates c (layered textures: in slice `layer`, clamped, never
      // filtered across layers): the four channels, as V (float, or long long for element-type reads of
      // integer textures, which CUDA only samples with point filtering). Linear filtering weighs the 2^Dims
      // nearest texels.
      template <int Dims, class V> void sample(const texture_object &t, const float (&c)[3], long long layer, V (&out)[4]) {
        const texture_desc &s = t.sampling;
        bool linear = s.filterMode == filter_mode::linear && std::is_same_v<V, float>;
        bool normalized = s.readMode == read_mode::normalized_float;
        size_t extent[3] = {t.width, t.height, t.depth};
        long long first[3] = {0, 0, 0};
        float fraction[3] = {0, 0, 0};
        for (int d = 0; d < Dims; ++d) {
          float x = s.normalizedCoords ? c[d] * static_cast<float>(extent[d]) : c[d];
          if (linear) x -= 0.5f;
          float whole = sycl::floor(x);
          first[d] = static_cast<long long>(whole);
          fraction[d] = x - whole;
        }
        for (V &o : out) o = 0;
        for (int corner = 0; corner < (linear ? 1 << Dims : 1); ++corner) {
          long long i[3] = {0, 0, 0};
          if (Dims < 3) i[2] = sycl::clamp(layer, 0LL, static_cast<long long>(extent[2]) - 1);
          float weight = 1.0f;
          bool inside = true;
          for (int d = 0; d < Dims; ++d) {
            int upper = (corner >> d) & 1;
            i[d] = first[d] + upper;
            if (linear) weight *= upper ? fraction[d] : 1.0f - fraction[d];
            inside = address(t, d, i[d]) && inside;
          }
          for (int k = 0; k < 4; ++k) {
            V v;
            if (!inside) v = static_cast<V>(s.borderColor[k]);
            else if constexpr (std::is_same_v<V, float>) v = channel_float(t.desc, texel(t, i), k, normalized);
            else v = channel_integer(t.desc, texel(t, i), k);
            out[k] = linear ? out[k] + weight * v : v;
          }
        }
      }

      template <class T, class V> T make_texel(const V (&v)[4]) {
        using E = typename element_of<T>::type;
        if constexpr (element_of<T>::count == 1) {
          return T(static_cast<E>(v[0]));
        } else {
          T r;
          for (int k = 0; k < element_of<T>::count; ++k) r[k] = static_cast<E>(v[k]);
          return r;
        }
      }

      template <class T, int Dims> T fetch(const texture_object &t, const float (&c)[3], long long layer = 0) {
        using E = typename element_of<T>::type;
        if constexpr (std::is_integral_v<E>) {
          long long v[4];
          sample<Dims>(t, c, layer, v);
          return make_texel<T>(v);
        } else {
          float v[4];
          sample<Dims>(t, c, layer, v);
          return make_texel<T>(v);
        }
      }
      }  // namespace texture_detail

      // tex1Dfetch: element i of linear memory, unfiltered; 0 outside.
      template <class T> T tex1Dfetch(const texture_object &t, int i) {
        using namespace texture_detail;
        using E = typename element_of<T>::type;
        bool normalized = t.sampling.readMode == read_mode::normalized_float;
        if constexpr (std::is_integral_v<E>) {
          long long v[4] = {0, 0, 0, 0};
          for (int k = 0; k < 4 && i >= 0 && static_cast<size_t>(i) < t.width; ++k) v[k] = channel_integer(t.desc, t.data + i * texel_size(t.desc), k);
          return make_texel<T>(v);
        } else {
          float v[4] = {0, 0, 0, 0};
          for (int k = 0; k < 4 && i >= 0 && static_cast<size_t>(i) < t.width; ++k) v[k] = channel_float(t.desc, t.data + i * texel_size(t.desc), k, normalized);
          return make_texel<T>(v);
        }
      }
      template <class T> T tex1D(const texture_object &t, float x) { return texture_detail::fetch<T, 1>(t, {x, 0, 0}); }
      template <class T> T tex2D(const texture_object &t, float x, float y) { return texture_detail::fetch<T, 2>(t, {x, y, 0}); }
      template <class T> T tex3D(const texture_object &t, float x, float y, float z) { return texture_detail::fetch<T, 3>(t, {x, y, z}); }
      template <class T> T tex1DLayered(const texture_object &t, float x, int layer) { return texture_detail::fetch<T, 1>(t, {x, 0, 0}, layer); }
      template <class T> T tex2DLayered(const texture_object &t, float x, float y, int layer) {
        return texture_detail::fetch<T, 2>(t, {x, y, 0}, layer);
      }
      // Cube maps: the direction picks a face (a layer; cube-map layered arrays hold six per layer) and a
      // point on it, always in normalized coordinates; filtering stays on that face.
      template <class T> T texCubemapLayered(const texture_object &t, float x, float y, float z, int layer) {
        float u, v;
        int face = texture_detail::cube_face(x, y, z, u, v);
        texture_object f = t;
        f.sampling.normalizedCoords = 1;
        return texture_detail::fetch<T, 2>(f, {u, v, 0}, 6LL * layer + face);
      }
      template <class T> T texCubemap(const texture_object &t, float x, float y, float z) { return texCubemapLayered<T>(t, x, y, z, 0); }
      // The forms that store the texel through a pointer.
      template <class T> void tex1Dfetch(T *out, const texture_object &t, int i) { *out = tex1Dfetch<T>(t, i); }
      template <class T> void tex1D(T *out, const texture_object &t, float x) { *out = tex1D<T>(t, x); }
      template <class T> void tex2D(T *out, const texture_object &t, float x, float y) { *out = tex2D<T>(t, x, y); }
      template <class T> void tex3D(T *out, const texture_object &t, float x, float y, float z) { *out = tex3D<T>(t, x, y, z); }
      template <class T> void tex1DLayered(T *out, const texture_object &t, float x, int layer) { *out = tex1DLayered<T>(t, x, layer); }
      template <class T> void tex2DLayered(T *out, const texture_object &t, float x, float y, int layer) {
        *out = tex2DLayered<T>(t, x, y, layer);
      }
      template <class T> void texCubemap(T *out, const texture_object &t, float x, float y, float z) { *out = texCubemap<T>(t, x, y, z); }
      template <class T> void texCubemapLayered(T *out, const texture_object &t, float x, float y, float z, int layer) {
        *out = texCubemapLayered<T>(t, x, y, z, layer);
      }

      """

  /// cudaMalloc3DArray and cudaMemcpy3D with arrays: they take the pitched-memory structs (emitted before).
  static let arrays3D = """

      // cudaMalloc3DArray: width x height x depth texels (extent in elements). A height of 0 makes a 1-D
      // array, a depth of 0 a 2-D one; layered arrays hold `depth` layers, cube maps 6 faces (times the
      // layers with array_layered), each width x width.
      inline int malloc_3d_array(texture_array **array, const channel_desc *desc, extent e, unsigned int flags = array_default) {
        size_t rows = e.height == 0 ? 1 : e.height, slices = e.depth == 0 ? 1 : e.depth;
        if ((flags & array_cubemap) != 0 && (e.width != e.height || slices % 6 != 0)) return 1;  // cudaErrorInvalidValue
        *array = new texture_array{sycl::malloc_device<unsigned char>(e.width * rows * slices * texel_size(*desc), default_queue()), e.width, rows,
                                   slices, *desc, flags};
        return 0;
      }

      namespace texture_detail {
      // An array as a pitched pointer, with x positions and widths scaled from texels to bytes.
      inline pitched_ptr array_memory(const texture_array *a) { return {a->data, a->row_pitch(), a->row_pitch(), a->height}; }
      }  // namespace texture_detail

      // cudaMemcpy3D when a CUDA array takes part: the extent and the array side's position count texels
      // of the array, the pointer side's position bytes (CUDA's rule). Runs as memcpy_3d does.
      inline sycl::event memcpy_3d_array(sycl::queue &q, const memcpy3d_parms &p) {
        const texture_array *a = p.srcArray != nullptr ? p.srcArray : p.dstArray;
        memcpy3d_parms bytes = p;
        size_t texel = a != nullptr ? texel_size(a->desc) : 1;
        bytes.extent.width *= texel;
        if (bytes.extent.height == 0) bytes.extent.height = 1;
        if (bytes.extent.depth == 0) bytes.extent.depth = 1;
        if (p.srcArray != nullptr) bytes.srcPtr = texture_detail::array_memory(p.srcArray), bytes.srcPos.x *= texel;
        if (p.dstArray != nullptr) bytes.dstPtr = texture_detail::array_memory(p.dstArray), bytes.dstPos.x *= texel;
        bytes.srcArray = bytes.dstArray = nullptr;
        return memcpy_3d(q, bytes);
      }

      """

  /// The driver API's arrays, copies and texture objects (cuda.h), as the runtime's.
  static let driverTextures = """

      // The driver API's arrays and textures are the runtime's: CUarray is a texture_array, CUtexObject a
      // texture_object, CUsurfObject a surface_object. The descriptor structs keep the driver's field
      // names and the enumerations its values.
      enum class array_format : unsigned int {
        unsigned_int8 = 0x01, unsigned_int16 = 0x02, unsigned_int32 = 0x03, signed_int8 = 0x08, signed_int16 = 0x09, signed_int32 = 0x0a,
        half = 0x10, floating = 0x20
      };
      enum class memory_kind : unsigned int { host = 1, device = 2, array = 3, unified = 4 };

      // CUDA_ARRAY_DESCRIPTOR and CUDA_ARRAY3D_DESCRIPTOR (Flags: array_layered, array_cubemap, ...).
      struct array_descriptor {
        size_t Width, Height;
        array_format Format;
        unsigned int NumChannels;
      };
      struct array3d_descriptor {
        size_t Width, Height, Depth;
        array_format Format;
        unsigned int NumChannels, Flags;
      };

      namespace texture_detail {
      inline channel_desc format_channels(array_format format, unsigned int channels) {
        unsigned int code = static_cast<unsigned int>(format);
        int bits = code == 0x01 || code == 0x08 ? 8 : code == 0x02 || code == 0x09 || code == 0x10 ? 16 : 32;
        channel_kind kind = code >= 0x10 ? channel_kind::floating : code >= 0x08 ? channel_kind::signed_integer : channel_kind::unsigned_integer;
        int n = static_cast<int>(channels);
        return channel_desc{bits, n > 1 ? bits : 0, n > 2 ? bits : 0, n > 3 ? bits : 0, kind};
      }
      inline array_format channels_format(const channel_desc &d) {
        int code = d.f == channel_kind::floating ? (d.x == 16 ? 0x10 : 0x20) : (d.x == 8 ? 0x01 : d.x == 16 ? 0x02 : 0x03) + (d.f == channel_kind::signed_integer ? 7 : 0);
        return static_cast<array_format>(code);
      }
      inline unsigned int channel_count(const channel_desc &d) { return (d.x > 0) + (d.y > 0) + (d.z > 0) + (d.w > 0); }
      }  // namespace texture_detail

      // cuArrayCreate / cuArray3DCreate / cuArrayDestroy (free_array) / cuArrayGetDescriptor.
      inline int array_create(texture_array **array, const array_descriptor *d) {
        channel_desc desc = texture_detail::format_channels(d->Format, d->NumChannels);
        return malloc_3d_array(array, &desc, extent{d->Width, d->Height, 0});
      }
      inline int array_3d_create(texture_array **array, const array3d_descriptor *d) {
        channel_desc desc = texture_detail::format_channels(d->Format, d->NumChannels);
        return malloc_3d_array(array, &desc, extent{d->Width, d->Height, d->Depth}, d->Flags);
      }
      inline int array_get_descriptor(array_descriptor *d, const texture_array *a) {
        *d = array_descriptor{a->width, a->height, texture_detail::channels_format(a->desc), texture_detail::channel_count(a->desc)};
        return 0;
      }
      inline int array_3d_get_descriptor(array3d_descriptor *d, const texture_array *a) {
        *d = array3d_descriptor{a->width, a->height, a->depth, texture_detail::channels_format(a->desc), texture_detail::channel_count(a->desc), a->flags};
        return 0;
      }

      // CUDA_MEMCPY2D and CUDA_MEMCPY3D: each side is host memory, device memory (a CUdeviceptr) or an
      // array, chosen by its memory type; positions and widths are in bytes.
      struct memcpy2d_desc {
        size_t srcXInBytes, srcY;
        memory_kind srcMemoryType;
        const void *srcHost;
        std::byte *srcDevice;
        texture_array *srcArray;
        size_t srcPitch;
        size_t dstXInBytes, dstY;
        memory_kind dstMemoryType;
        void *dstHost;
        std::byte *dstDevice;
        texture_array *dstArray;
        size_t dstPitch;
        size_t WidthInBytes, Height;
      };
      struct memcpy3d_desc {
        size_t srcXInBytes, srcY, srcZ, srcLOD;
        memory_kind srcMemoryType;
        const void *srcHost;
        std::byte *srcDevice;
        texture_array *srcArray;
        void *reserved0;
        size_t srcPitch, srcHeight;
        size_t dstXInBytes, dstY, dstZ, dstLOD;
        memory_kind dstMemoryType;
        void *dstHost;
        std::byte *dstDevice;
        texture_array *dstArray;
        void *reserved1;
        size_t dstPitch, dstHeight;
        size_t WidthInBytes, Height, Depth;
      };

      namespace texture_detail {
      // One side of a driver copy as a pitched pointer (unified memory is named by its device pointer).
      inline pitched_ptr copy_side(memory_kind kind, const void *host, std::byte *device, const texture_array *array, size_t pitch,
                                   size_t height, size_t width) {
        if (kind == memory_kind::array) return array_memory(array);
        void *p = kind == memory_kind::host ? const_cast<void *>(host) : static_cast<void *>(device);
        return pitched_ptr{p, pitch == 0 ? width : pitch, width, height};
      }
      }  // namespace texture_detail

      // cuMemcpy3D / cuMemcpy2D (and their Async and Unaligned forms), slice by slice as memcpy_3d.
      inline sycl::event memcpy_3d(sycl::queue &q, const memcpy3d_desc &p) {
        if (p.srcLOD != 0 || p.dstLOD != 0)
          throw sycl::exception(sycl::make_error_code(sycl::errc::invalid), "cu2sycl::memcpy_3d: mipmap levels are not emulated");
        memcpy3d_parms bytes{};
        bytes.srcPtr = texture_detail::copy_side(p.srcMemoryType, p.srcHost, p.srcDevice, p.srcArray, p.srcPitch, p.srcHeight == 0 ? p.Height : p.srcHeight,
                                                 p.WidthInBytes);
        bytes.dstPtr = texture_detail::copy_side(p.dstMemoryType, p.dstHost, p.dstDevice, p.dstArray, p.dstPitch, p.dstHeight == 0 ? p.Height : p.dstHeight,
                                                 p.WidthInBytes);
        bytes.srcPos = pos{p.srcXInBytes, p.srcY, p.srcZ}, bytes.dstPos = pos{p.dstXInBytes, p.dstY, p.dstZ};
        bytes.extent = extent{p.WidthInBytes, p.Height == 0 ? 1 : p.Height, p.Depth == 0 ? 1 : p.Depth};
        return memcpy_3d(q, bytes);
      }
      inline sycl::event memcpy_2d(sycl::queue &q, const memcpy2d_desc &p) {
        memcpy3d_desc d{};
        d.srcXInBytes = p.srcXInBytes, d.srcY = p.srcY, d.srcMemoryType = p.srcMemoryType, d.srcHost = p.srcHost, d.srcDevice = p.srcDevice;
        d.srcArray = p.srcArray, d.srcPitch = p.srcPitch;
        d.dstXInBytes = p.dstXInBytes, d.dstY = p.dstY, d.dstMemoryType = p.dstMemoryType, d.dstHost = p.dstHost, d.dstDevice = p.dstDevice;
        d.dstArray = p.dstArray, d.dstPitch = p.dstPitch;
        d.WidthInBytes = p.WidthInBytes, d.Height = p.Height, d.Depth = 1;
        return memcpy_3d(q, d);
      }

      // CUDA_RESOURCE_DESC and CUDA_TEXTURE_DESC, with the driver's field names.
      struct driver_resource_desc {
        resource_type resType;
        union {
          struct {
            texture_array *hArray;
          } array;
          struct {
            void *hMipmappedArray;
          } mipmap;
          struct {
            std::byte *devPtr;
            array_format format;
            unsigned int numChannels;
            size_t sizeInBytes;
          } linear;
          struct {
            std::byte *devPtr;
            array_format format;
            unsigned int numChannels;
            size_t width, height, pitchInBytes;
          } pitch2D;
          struct {
            int reserved[32];
          } reserved;
        } res;
        unsigned int flags;
      };
      // CU_TRSF_* flags of CUDA_TEXTURE_DESC::flags, with the driver's values.
      constexpr unsigned int trsf_read_as_integer = 0x01, trsf_normalized_coordinates = 0x02, trsf_srgb = 0x10,
                             trsf_disable_trilinear_optimization = 0x20, trsf_seamless_cubemap = 0x40;
      struct driver_texture_desc {
        address_mode addressMode[3];
        filter_mode filterMode;
        unsigned int flags;
        unsigned int maxAnisotropy;
        filter_mode mipmapFilterMode;
        float mipmapLevelBias, minMipmapLevelClamp, maxMipmapLevelClamp;
        float borderColor[4];
        int reserved[12];
      };

      namespace texture_detail {
      inline resource_desc runtime_resource(const driver_resource_desc *res) {
        resource_desc r{};
        r.resType = res->resType;
        switch (res->resType) {
        case resource_type::array: r.res.array.array = res->res.array.hArray; break;
        case resource_type::linear:
          r.res.linear.devPtr = res->res.linear.devPtr, r.res.linear.sizeInBytes = res->res.linear.sizeInBytes;
          r.res.linear.desc = format_channels(res->res.linear.format, res->res.linear.numChannels);
          break;
        case resource_type::pitch2d:
          r.res.pitch2D.devPtr = res->res.pitch2D.devPtr, r.res.pitch2D.width = res->res.pitch2D.width, r.res.pitch2D.height = res->res.pitch2D.height;
          r.res.pitch2D.pitchInBytes = res->res.pitch2D.pitchInBytes, r.res.pitch2D.desc = format_channels(res->res.pitch2D.format, res->res.pitch2D.numChannels);
          break;
        default: break;
        }
        return r;
      }
      }  // namespace texture_detail

      // cuTexObjectCreate: as cudaCreateTextureObject. The driver reads integer texels as normalized floats
      // unless trsf_read_as_integer is set.
      inline int tex_object_create(texture_object *object, const driver_resource_desc *res, const driver_texture_desc *tex) {
        resource_desc r = texture_detail::runtime_resource(res);
        texture_desc t{};
        for (int d = 0; d < 3; ++d) t.addressMode[d] = tex->addressMode[d];
        t.filterMode = tex->filterMode;
        t.readMode = (tex->flags & trsf_read_as_integer) != 0 ? read_mode::element_type : read_mode::normalized_float;
        t.sRGB = (tex->flags & trsf_srgb) != 0;
        t.normalizedCoords = (tex->flags & trsf_normalized_coordinates) != 0;
        for (int k = 0; k < 4; ++k) t.borderColor[k] = tex->borderColor[k];
        t.maxAnisotropy = tex->maxAnisotropy, t.mipmapFilterMode = tex->mipmapFilterMode, t.mipmapLevelBias = tex->mipmapLevelBias;
        t.minMipmapLevelClamp = tex->minMipmapLevelClamp, t.maxMipmapLevelClamp = tex->maxMipmapLevelClamp;
        t.disableTrilinearOptimization = (tex->flags & trsf_disable_trilinear_optimization) != 0;
        t.seamlessCubemap = (tex->flags & trsf_seamless_cubemap) != 0;
        return create_texture_object(object, &r, &t);
      }

      """

  /// cuSurfObjectCreate: a surface over the array of a driver resource description.
  static let driverSurfaces = """

      inline int create_surface_object(surface_object *surface, const driver_resource_desc *res) {
        resource_desc r = texture_detail::runtime_resource(res);
        return create_surface_object(surface, &r);
      }

      """

  static let surfaces = """

      // Surface boundary modes for accesses out of range: zero (reads give 0, writes are dropped), clamp
      // (to the nearest whole element) and trap, which aborts a CUDA kernel and here acts as zero.
      enum class boundary_mode { zero, clamp, trap };

      // cudaSurfaceObject_t: an array's memory, read and written by byte column, row and slice (the z of 3-D
      // arrays, the layer of layered ones, the face of cube maps), as in CUDA.
      struct surface_object {
        unsigned char *data = nullptr;
        size_t row_bytes = 0, rows = 0, slices = 0, pitch = 0;
        surface_object() = default;
        surface_object(std::nullptr_t) {}
      };

      inline int create_surface_object(surface_object *surface, const resource_desc *res) {
        if (res->resType != resource_type::array) return 1;  // cudaErrorInvalidValue: surfaces need an array
        const texture_array *a = res->res.array.array;
        surface->data = a->data, surface->row_bytes = a->row_pitch(), surface->rows = a->height, surface->slices = a->depth;
        surface->pitch = a->row_pitch();
        return 0;
      }

      inline int destroy_surface_object(surface_object) { return 0; }

      namespace texture_detail {
      // Where the `size` bytes at byte column x of row y of slice z are; false when outside and not clamped.
      inline bool surface_offset(const surface_object &s, long long x, long long y, long long z, size_t size, boundary_mode mode,
                                 size_t &offset) {
        long long last_x = static_cast<long long>(s.row_bytes) - static_cast<long long>(size), last_y = static_cast<long long>(s.rows) - 1,
                  last_z = static_cast<long long>(s.slices) - 1;
        if (x < 0 || x > last_x || y < 0 || y > last_y || z < 0 || z > last_z) {
          if (mode != boundary_mode::clamp) return false;
          x = sycl::clamp(x, 0LL, last_x), y = sycl::clamp(y, 0LL, last_y), z = sycl::clamp(z, 0LL, last_z);
        }
        offset = (static_cast<size_t>(z) * s.rows + static_cast<size_t>(y)) * s.pitch + static_cast<size_t>(x);
        return true;
      }
      }  // namespace texture_detail

      // surf3Dread / surf3Dwrite: byte column x, row y, slice z; the 1-D, 2-D, layered and cube-map forms
      // below are these with a row or slice of 0, or the layer (face) as the slice.
      template <class T> T surf3Dread(surface_object s, int x, int y, int z, boundary_mode mode = boundary_mode::trap) {
        std::array<unsigned char, sizeof(T)> bytes{};
        size_t offset;
        if (texture_detail::surface_offset(s, x, y, z, sizeof(T), mode, offset))
          for (size_t i = 0; i < sizeof(T); ++i) bytes[i] = s.data[offset + i];
        return sycl::bit_cast<T>(bytes);
      }
      template <class T> void surf3Dwrite(T value, surface_object s, int x, int y, int z, boundary_mode mode = boundary_mode::trap) {
        size_t offset;
        if (!texture_detail::surface_offset(s, x, y, z, sizeof(T), mode, offset)) return;
        auto bytes = sycl::bit_cast<std::array<unsigned char, sizeof(T)>>(value);
        for (size_t i = 0; i < sizeof(T); ++i) s.data[offset + i] = bytes[i];
      }
      template <class T> void surf3Dread(T *out, surface_object s, int x, int y, int z, boundary_mode mode = boundary_mode::trap) {
        *out = surf3Dread<T>(s, x, y, z, mode);
      }
      template <class T> T surf2Dread(surface_object s, int x, int y, boundary_mode mode = boundary_mode::trap) {
        return surf3Dread<T>(s, x, y, 0, mode);
      }
      template <class T> void surf2Dwrite(T value, surface_object s, int x, int y, boundary_mode mode = boundary_mode::trap) {
        surf3Dwrite(value, s, x, y, 0, mode);
      }
      template <class T> T surf2DLayeredread(surface_object s, int x, int y, int layer, boundary_mode mode = boundary_mode::trap) {
        return surf3Dread<T>(s, x, y, layer, mode);
      }
      template <class T> void surf2DLayeredread(T *out, surface_object s, int x, int y, int layer, boundary_mode mode = boundary_mode::trap) {
        *out = surf3Dread<T>(s, x, y, layer, mode);
      }
      template <class T> void surf2DLayeredwrite(T value, surface_object s, int x, int y, int layer, boundary_mode mode = boundary_mode::trap) {
        surf3Dwrite(value, s, x, y, layer, mode);
      }
      template <class T> T surf1DLayeredread(surface_object s, int x, int layer, boundary_mode mode = boundary_mode::trap) {
        return surf3Dread<T>(s, x, 0, layer, mode);
      }
      template <class T> void surf1DLayeredread(T *out, surface_object s, int x, int layer, boundary_mode mode = boundary_mode::trap) {
        *out = surf3Dread<T>(s, x, 0, layer, mode);
      }
      template <class T> void surf1DLayeredwrite(T value, surface_object s, int x, int layer, boundary_mode mode = boundary_mode::trap) {
        surf3Dwrite(value, s, x, 0, layer, mode);
      }
      template <class T> T surfCubemapread(surface_object s, int x, int y, int face, boundary_mode mode = boundary_mode::trap) {
        return surf3Dread<T>(s, x, y, face, mode);
      }
      template <class T> void surfCubemapread(T *out, surface_object s, int x, int y, int face, boundary_mode mode = boundary_mode::trap) {
        *out = surf3Dread<T>(s, x, y, face, mode);
      }
      template <class T> void surfCubemapwrite(T value, surface_object s, int x, int y, int face, boundary_mode mode = boundary_mode::trap) {
        surf3Dwrite(value, s, x, y, face, mode);
      }
      template <class T> T surfCubemapLayeredread(surface_object s, int x, int y, int layerFace, boundary_mode mode = boundary_mode::trap) {
        return surf3Dread<T>(s, x, y, layerFace, mode);
      }
      template <class T>
      void surfCubemapLayeredread(T *out, surface_object s, int x, int y, int layerFace, boundary_mode mode = boundary_mode::trap) {
        *out = surf3Dread<T>(s, x, y, layerFace, mode);
      }
      template <class T>
      void surfCubemapLayeredwrite(T value, surface_object s, int x, int y, int layerFace, boundary_mode mode = boundary_mode::trap) {
        surf3Dwrite(value, s, x, y, layerFace, mode);
      }
      template <class T> void surf2Dread(T *out, surface_object s, int x, int y, boundary_mode mode = boundary_mode::trap) {
        *out = surf2Dread<T>(s, x, y, mode);
      }
      template <class T> T surf1Dread(surface_object s, int x, boundary_mode mode = boundary_mode::trap) { return surf2Dread<T>(s, x, 0, mode); }
      template <class T> void surf1Dread(T *out, surface_object s, int x, boundary_mode mode = boundary_mode::trap) {
        *out = surf2Dread<T>(s, x, 0, mode);
      }
      template <class T> void surf1Dwrite(T value, surface_object s, int x, boundary_mode mode = boundary_mode::trap) {
        surf2Dwrite(value, s, x, 0, mode);
      }

      """

  static let textureReferences = """

      // A texture reference (texture<T, dim, mode>, removed in CUDA 12): a host object with
      // textureReference's fields, bound to memory by bind_texture*, that kernels receive by value.
      template <class T, int Dims = 1, read_mode Mode = read_mode::element_type> struct texture_reference {
        int normalized;
        filter_mode filterMode;
        address_mode addressMode[3];
        channel_desc channelDesc;
        int sRGB = 0;
        unsigned int maxAnisotropy = 0;
        texture_object bound;  // the memory it is bound to
        texture_reference(int norm = 0, filter_mode filter = filter_mode::point, address_mode address = address_mode::clamp,
                          channel_desc desc = create_channel_desc<T>())
            : normalized(norm), filterMode(filter), addressMode{address, address, address}, channelDesc(desc) {}
        // What the fetches read: the bound memory, sampled as the fields say now.
        texture_object object() const {
          texture_object t = bound;
          t.sampling.normalizedCoords = normalized;
          t.sampling.filterMode = filterMode;
          for (int d = 0; d < 3; ++d) t.sampling.addressMode[d] = addressMode[d];
          t.sampling.readMode = Mode;
          return t;
        }
      };

      namespace texture_detail {
      // A reference read as normalized float returns floats of the element's width.
      template <class T, read_mode Mode> struct reference_result {
        using type = T;
      };
      template <class T> struct reference_result<T, read_mode::normalized_float> {
        using type = std::conditional_t<element_of<T>::count == 1, float, sycl::vec<float, element_of<T>::count>>;
      };
      template <class T, read_mode Mode> using reference_result_t = typename reference_result<T, Mode>::type;

      inline texture_object bind(const void *data, const channel_desc &desc, size_t width, size_t height, size_t pitch) {
        texture_object t;
        t.data = static_cast<const unsigned char *>(data), t.desc = desc, t.width = width, t.height = height, t.depth = 1, t.pitch = pitch;
        return t;
      }
      }  // namespace texture_detail

      // cudaBindTexture: linear memory of `size` bytes (the whole allocation when not given).
      template <class T, int D, read_mode M>
      int bind_texture(size_t *offset, texture_reference<T, D, M> &ref, const void *data, const channel_desc &desc, size_t size = ~size_t(0)) {
        if (offset != nullptr) *offset = 0;
        ref.channelDesc = desc;
        ref.bound = texture_detail::bind(data, desc, size / texel_size(desc), 1, size);
        return 0;
      }
      template <class T, int D, read_mode M>
      int bind_texture(size_t *offset, texture_reference<T, D, M> &ref, const void *data, size_t size = ~size_t(0)) {
        return bind_texture(offset, ref, data, ref.channelDesc, size);
      }
      template <class T, int D, read_mode M>
      int bind_texture(size_t *offset, texture_reference<T, D, M> *ref, const void *data, const channel_desc *desc, size_t size = ~size_t(0)) {
        return bind_texture(offset, *ref, data, *desc, size);
      }

      // cudaBindTexture2D: pitched memory of `height` rows of `width` texels, rows `pitch` bytes apart.
      template <class T, int D, read_mode M>
      int bind_texture_2d(size_t *offset, texture_reference<T, D, M> &ref, const void *data, const channel_desc &desc, size_t width, size_t height,
                          size_t pitch) {
        if (offset != nullptr) *offset = 0;
        ref.channelDesc = desc;
        ref.bound = texture_detail::bind(data, desc, width, height, pitch);
        return 0;
      }
      template <class T, int D, read_mode M>
      int bind_texture_2d(size_t *offset, texture_reference<T, D, M> &ref, const void *data, size_t width, size_t height, size_t pitch) {
        return bind_texture_2d(offset, ref, data, ref.channelDesc, width, height, pitch);
      }
      template <class T, int D, read_mode M>
      int bind_texture_2d(size_t *offset, texture_reference<T, D, M> *ref, const void *data, const channel_desc *desc, size_t width, size_t height,
                          size_t pitch) {
        return bind_texture_2d(offset, *ref, data, *desc, width, height, pitch);
      }

      // cudaBindTextureToArray.
      template <class T, int D, read_mode M> int bind_texture_to_array(texture_reference<T, D, M> &ref, const texture_array *array) {
        ref.channelDesc = array->desc;
        ref.bound = texture_detail::bind(array->data, array->desc, array->width, array->height, array->row_pitch());
        ref.bound.depth = array->depth;
        return 0;
      }
      template <class T, int D, read_mode M>
      int bind_texture_to_array(texture_reference<T, D, M> &ref, const texture_array *array, const channel_desc &) {
        return bind_texture_to_array(ref, array);
      }
      template <class T, int D, read_mode M>
      int bind_texture_to_array(texture_reference<T, D, M> *ref, const texture_array *array, const channel_desc *) {
        return bind_texture_to_array(*ref, array);
      }

      template <class T, int D, read_mode M> int unbind_texture(texture_reference<T, D, M> &ref) {
        ref.bound = texture_object{};
        return 0;
      }
      template <class T, int D, read_mode M> int unbind_texture(texture_reference<T, D, M> *ref) { return unbind_texture(*ref); }

      // Fetches through a reference return its element type, or floats when it reads normalized floats.
      template <class T, int D, read_mode M> texture_detail::reference_result_t<T, M> tex1Dfetch(const texture_reference<T, D, M> &ref, int i) {
        return tex1Dfetch<texture_detail::reference_result_t<T, M>>(ref.object(), i);
      }
      template <class T, int D, read_mode M> texture_detail::reference_result_t<T, M> tex1D(const texture_reference<T, D, M> &ref, float x) {
        return tex1D<texture_detail::reference_result_t<T, M>>(ref.object(), x);
      }
      template <class T, int D, read_mode M>
      texture_detail::reference_result_t<T, M> tex2D(const texture_reference<T, D, M> &ref, float x, float y) {
        return tex2D<texture_detail::reference_result_t<T, M>>(ref.object(), x, y);
      }
      template <class T, int D, read_mode M>
      texture_detail::reference_result_t<T, M> tex3D(const texture_reference<T, D, M> &ref, float x, float y, float z) {
        return tex3D<texture_detail::reference_result_t<T, M>>(ref.object(), x, y, z);
      }
      template <class T, int D, read_mode M>
      texture_detail::reference_result_t<T, M> tex2DLayered(const texture_reference<T, D, M> &ref, float x, float y, int layer) {
        return tex2DLayered<texture_detail::reference_result_t<T, M>>(ref.object(), x, y, layer);
      }

      """
}
