import Clang

/// CUDA's texture objects, arrays and surfaces become the software textures of `cu2sycl/runtime.hpp`:
/// trivially copyable values over USM that kernels receive as CUDA's texture objects were received,
/// with CUDA's sampling done in plain SYCL 2020 (SYCL's images need accessors in a command group,
/// which texture objects passed around as values do not have). The descriptor structs keep CUDA's
/// field names, so code that fills them only changes its type names and enumerators. Legacy texture
/// references (`texture<T, dim, mode>` globals) stay host objects that the kernels using them receive
/// by value, through the same call-graph plumbing as `__device__` variables.
public struct TextureRule: MigrationRule {
  public static let id = "textures"
  public static let summary = "Maps texture objects, cudaArray (1-D to 3-D, layered, cube maps: cudaMalloc3DArray), channel/resource/texture descriptors, tex1Dfetch/tex1D/tex2D/tex3D/layered/cube-map fetches, surfaces and legacy texture references to cu2sycl's software textures."
  public static let covers: [String] = ["texture<T, dim, mode>"] + TextureNames.types.keys.sorted() + TextureNames.fetches.sorted() + TextureNames.surfaceAccesses.sorted()
    + TextureNames.hostCalls.keys.sorted() + TextureNames.constants.keys.sorted()
  public static let examples = [
    RuleExample(
      cuda: """
      __global__ void scale(float *out, cudaTextureObject_t image, cudaTextureObject_t weights, int w) {
        int x = blockIdx.x * blockDim.x + threadIdx.x;
        out[x] = tex2D<float>(image, (x + 0.5f) / w, 0.5f) * tex1Dfetch<float4>(weights, x).y;
      }
      void run(float *out, const float *pixels, float4 *d_weights, int w, int h) {
        cudaChannelFormatDesc format = cudaCreateChannelDesc<float>();
        cudaArray_t array;
        cudaMallocArray(&array, &format, w, h);
        cudaMemcpy2DToArray(array, 0, 0, pixels, w * sizeof(float), w * sizeof(float), h, cudaMemcpyHostToDevice);
        cudaResourceDesc res = {};
        res.resType = cudaResourceTypeArray;
        res.res.array.array = array;
        cudaTextureDesc desc = {};
        desc.addressMode[0] = cudaAddressModeWrap;
        desc.addressMode[1] = cudaAddressModeClamp;
        desc.filterMode = cudaFilterModeLinear;
        desc.readMode = cudaReadModeElementType;
        desc.normalizedCoords = 1;
        cudaTextureObject_t image = 0;
        cudaCreateTextureObject(&image, &res, &desc, NULL);
        cudaResourceDesc linear = {};
        linear.resType = cudaResourceTypeLinear;
        linear.res.linear.devPtr = d_weights;
        linear.res.linear.desc = cudaCreateChannelDesc(32, 32, 32, 32, cudaChannelFormatKindFloat);
        linear.res.linear.sizeInBytes = w * sizeof(float4);
        cudaTextureDesc plain = {};
        cudaTextureObject_t weights;
        cudaCreateTextureObject(&weights, &linear, &plain, nullptr);
        scale<<<w / 32, 32>>>(out, image, weights, w);
        cudaDestroyTextureObject(image);
        cudaDestroyTextureObject(weights);
        cudaFreeArray(array);
      }

      """,
      sycl: """
      void scale(float *out, cu2sycl::texture_object image, cu2sycl::texture_object weights, int w, const sycl::nd_item<1> &item) {
        int x = item.get_global_id(0);
        out[x] = cu2sycl::tex2D<float>(image, (x + 0.5f) / w, 0.5f) * cu2sycl::tex1Dfetch<sycl::float4>(weights, x).y();
      }
      void run(float *out, const float *pixels, sycl::float4 *d_weights, int w, int h) {
        cu2sycl::channel_desc format = cu2sycl::create_channel_desc<float>();
        cu2sycl::texture_array_t array;
        cu2sycl::malloc_array(&array, &format, w, h);
        cu2sycl::memcpy_2d_to_array(array, 0, 0, pixels, w * sizeof(float), w * sizeof(float), h);
        cu2sycl::resource_desc res = {};
        res.resType = cu2sycl::resource_type::array;
        res.res.array.array = array;
        cu2sycl::texture_desc desc = {};
        desc.addressMode[0] = cu2sycl::address_mode::wrap;
        desc.addressMode[1] = cu2sycl::address_mode::clamp;
        desc.filterMode = cu2sycl::filter_mode::linear;
        desc.readMode = cu2sycl::read_mode::element_type;
        desc.normalizedCoords = 1;
        cu2sycl::texture_object image = 0;
        cu2sycl::create_texture_object(&image, &res, &desc);
        cu2sycl::resource_desc linear = {};
        linear.resType = cu2sycl::resource_type::linear;
        linear.res.linear.devPtr = d_weights;
        linear.res.linear.desc = cu2sycl::create_channel_desc(32, 32, 32, 32, cu2sycl::channel_kind::floating);
        linear.res.linear.sizeInBytes = w * sizeof(sycl::float4);
        cu2sycl::texture_desc plain = {};
        cu2sycl::texture_object weights;
        cu2sycl::create_texture_object(&weights, &linear, &plain);
        cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(w / 32 * 32), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
          scale(out, image, weights, w, item);
        });
        cu2sycl::destroy_texture_object(image);
        cu2sycl::destroy_texture_object(weights);
        cu2sycl::free_array(array);
      }

      """),
    RuleExample(
      cuda: """
      __global__ void invert(cudaSurfaceObject_t surface, int w) {
        int x = threadIdx.x, y = blockIdx.x;
        uchar4 p = surf2Dread<uchar4>(surface, x * 4, y);
        surf2Dwrite(make_uchar4(255 - p.x, 255 - p.y, 255 - p.z, p.w), surface, x * 4, y, cudaBoundaryModeZero);
      }
      void run(cudaArray_t pixels, int w, int h) {
        cudaResourceDesc res = {};
        res.resType = cudaResourceTypeArray;
        res.res.array.array = pixels;
        cudaSurfaceObject_t surface;
        cudaCreateSurfaceObject(&surface, &res);
        invert<<<h, w>>>(surface, w);
        cudaDestroySurfaceObject(surface);
      }

      """,
      sycl: """
      void invert(cu2sycl::surface_object surface, int w, const sycl::nd_item<1> &item) {
        int x = item.get_local_id(0), y = item.get_group(0);
        sycl::uchar4 p = cu2sycl::surf2Dread<sycl::uchar4>(surface, x * 4, y);
        cu2sycl::surf2Dwrite(sycl::uchar4(255 - p.x(), 255 - p.y(), 255 - p.z(), p.w()), surface, x * 4, y, cu2sycl::boundary_mode::zero);
      }
      void run(cu2sycl::texture_array_t pixels, int w, int h) {
        cu2sycl::resource_desc res = {};
        res.resType = cu2sycl::resource_type::array;
        res.res.array.array = pixels;
        cu2sycl::surface_object surface;
        cu2sycl::create_surface_object(&surface, &res);
        cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(h * w), sycl::range<1>(w)), [=](sycl::nd_item<1> item) {
          invert(surface, w, item);
        });
        cu2sycl::destroy_surface_object(surface);
      }

      """),
    // Legacy texture references (CUDA 11 and older) are host objects that the kernels using them receive.
    RuleExample(
      cuda: """
      texture<float, 1, cudaReadModeElementType> table;
      texture<uchar4, cudaTextureType2D, cudaReadModeNormalizedFloat> image;
      __device__ float lookup(int i) { return tex1Dfetch(table, i); }
      __global__ void k(float *out, int w) {
        int x = threadIdx.x, y = blockIdx.x;
        out[y * w + x] = lookup(x) * tex2D(image, x + 0.5f, y + 0.5f).x;
      }
      void run(float *out, const float *d_table, cudaArray_t pixels, int n, int w, int h) {
        cudaBindTexture(0, table, d_table, n * sizeof(float));
        image.addressMode[0] = cudaAddressModeClamp;
        image.filterMode = cudaFilterModeLinear;
        image.normalized = false;
        cudaBindTextureToArray(image, pixels);
        k<<<h, w>>>(out, w);
        cudaUnbindTexture(table);
        cudaUnbindTexture(image);
      }

      """,
      sycl: """
      cu2sycl::texture_reference<float, 1, cu2sycl::read_mode::element_type> table;
      cu2sycl::texture_reference<sycl::uchar4, 2, cu2sycl::read_mode::normalized_float> image;
      float lookup(int i, const sycl::nd_item<1> &item, const cu2sycl::texture_reference<float, 1, cu2sycl::read_mode::element_type> &table) { return cu2sycl::tex1Dfetch(table, i); }
      void k(float *out, int w, const sycl::nd_item<1> &item, const cu2sycl::texture_reference<float, 1, cu2sycl::read_mode::element_type> &table, const cu2sycl::texture_reference<sycl::uchar4, 2, cu2sycl::read_mode::normalized_float> &image) {
        int x = item.get_local_id(0), y = item.get_group(0);
        out[y * w + x] = lookup(x, item, table) * cu2sycl::tex2D(image, x + 0.5f, y + 0.5f).x();
      }
      void run(float *out, const float *d_table, cu2sycl::texture_array_t pixels, int n, int w, int h) {
        cu2sycl::bind_texture(0, table, d_table, n * sizeof(float));
        image.addressMode[0] = cu2sycl::address_mode::clamp;
        image.filterMode = cu2sycl::filter_mode::linear;
        image.normalized = false;
        cu2sycl::bind_texture_to_array(image, pixels);
        cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
          auto table_symbol = table;
          auto image_symbol = image;
          cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(h * w), sycl::range<1>(w)), [=](sycl::nd_item<1> item) {
            k(out, w, item, table_symbol, image_symbol);
          });
        });
        cu2sycl::unbind_texture(table);
        cu2sycl::unbind_texture(image);
      }

      """),
    // 3-D arrays: cube maps and layered arrays are allocated with cudaMalloc3DArray and filled with
    // cudaMemcpy3D (extent in texels).
    RuleExample(
      cuda: """
      __global__ void sky(float *out, cudaTextureObject_t cube, cudaTextureObject_t layers, float3 d) {
        out[threadIdx.x] = texCubemap<float4>(cube, d.x, d.y, d.z).w * tex2DLayered<float>(layers, d.x, d.y, threadIdx.x % 4);
      }
      void upload(cudaArray_t *cube, const float4 *faces, int w) {
        cudaChannelFormatDesc format = cudaCreateChannelDesc<float4>();
        cudaMalloc3DArray(cube, &format, make_cudaExtent(w, w, 6), cudaArrayCubemap);
        cudaMemcpy3DParms copy = {0};
        copy.srcPtr = make_cudaPitchedPtr((void *)faces, w * sizeof(float4), w, w);
        copy.dstArray = *cube;
        copy.extent = make_cudaExtent(w, w, 6);
        copy.kind = cudaMemcpyHostToDevice;
        cudaMemcpy3D(&copy);
      }

      """,
      sycl: """
      void sky(float *out, cu2sycl::texture_object cube, cu2sycl::texture_object layers, sycl::float3 d, const sycl::nd_item<1> &item) {
        out[item.get_local_id(0)] = cu2sycl::texCubemap<sycl::float4>(cube, d.x(), d.y(), d.z()).w() * cu2sycl::tex2DLayered<float>(layers, d.x(), d.y(), item.get_local_id(0) % 4);
      }
      void upload(cu2sycl::texture_array_t *cube, const sycl::float4 *faces, int w) {
        cu2sycl::channel_desc format = cu2sycl::create_channel_desc<sycl::float4>();
        cu2sycl::malloc_3d_array(cube, &format, cu2sycl::make_extent(w, w, 6), cu2sycl::array_cubemap);
        cu2sycl::memcpy3d_parms copy = {0};
        copy.srcPtr = cu2sycl::make_pitched_ptr((void *)faces, w * sizeof(sycl::float4), w, w);
        copy.dstArray = *cube;
        copy.extent = cu2sycl::make_extent(w, w, 6);
        cu2sycl::memcpy_3d_array(cu2sycl::default_queue(), copy).wait();
      }

      """),
    RuleExample(
      cuda: """
      __global__ void blur(float *out, cudaTextureObject_t image, float x, float y) {
        out[threadIdx.x] = tex2DLod<float>(image, x, y, 1.5f);
      }

      """,
      sycl: """
      void blur(float *out, cu2sycl::texture_object image, float x, float y, const sycl::nd_item<1> &item) {
        // CU2SYCL-W062: mipmapped textures are not emulated; keep one texture_object per level and choose the level by hand
        out[item.get_local_id(0)] = tex2DLod<float>(image, x, y, 1.5f);
      }

      """),
    // Flagged (W063): a descriptor field the software textures do not apply.
    RuleExample(
      cuda: """
      void configure(cudaTextureDesc &desc) {
        desc.filterMode = cudaFilterModeLinear;
        desc.maxAnisotropy = 8;
      }

      """,
      sycl: """
      void configure(cu2sycl::texture_desc &desc) {
        desc.filterMode = cu2sycl::filter_mode::linear;
        // CU2SYCL-W063: cu2sycl's software textures keep 'maxAnisotropy' but do not apply it
        desc.maxAnisotropy = 8;
      }

      """),
    // 1-D and 3-D fetches.
    RuleExample(
      cuda: """
      __global__ void sample(float *out, cudaTextureObject_t line, cudaTextureObject_t volume) {
        float x = threadIdx.x + 0.5f;
        out[threadIdx.x] = tex1D<float>(line, x) + tex3D<float>(volume, x, 0.5f, 0.5f);
      }

      """,
      sycl: """
      void sample(float *out, cu2sycl::texture_object line, cu2sycl::texture_object volume, const sycl::nd_item<1> &item) {
        float x = item.get_local_id(0) + 0.5f;
        out[item.get_local_id(0)] = cu2sycl::tex1D<float>(line, x) + cu2sycl::tex3D<float>(volume, x, 0.5f, 0.5f);
      }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    // Macros last: a call's dropped arguments (cudaMallocArray's flags) are claimed with the call.
    let kinds: [Set<ConstructKind>] = [[.type, .constant, .function, .member], [.macro]]
    for pass in kinds {
      for i in context.pending({ pass.contains($0.occurrence.kind) }) where !context.isClaimed(i) {
        let entry = context.entries[i]
        let o = entry.occurrence
        if let advice = TextureNames.manual[o.name], o.kind != .member {
          context.claim(i, .manual, rule: Self.id, warning: Warnings.textureManual, message: advice)
          continue
        }
        switch o.kind {
        case .type where o.name == "texture":
          guard rename(entry, to: "cu2sycl::texture_reference", context) else { continue }
          context.use(.textureReference, in: o.file)
        case .type:
          guard let sycl = TextureNames.types[o.name] else { continue }
          guard rename(entry, to: sycl, context) else { continue }
        case .macro:
          guard let value = TextureNames.macros[o.name], rename(entry, to: value, context) else { continue }
        case .constant:
          guard let sycl = TextureNames.constants[o.name] else { continue }
          guard rename(entry, to: sycl, context) else { continue }
        case .function where TextureNames.fetches.contains(o.name) || TextureNames.surfaceAccesses.contains(o.name):
          guard rename(entry, to: "cu2sycl::" + o.name, context) else { continue }
          context.use(TextureNames.surfaceAccesses.contains(o.name) ? .surface : .texture, in: o.file)
          // A fetch through a texture reference (tex2D(ref, x, y)) needs the reference overloads.
          if let cursor = entry.cursor, let call = context.call(named: cursor),
             context.writtenArguments(call).contains(where: { $0.type.canonical.spelling.contains("texture<") }) {
            context.use(.textureReference, in: o.file)
          }
        case .function:
          guard let mapping = TextureNames.hostCalls[o.name] else { continue }
          if !convertHostCall(i, mapping, context) { continue }
        case .member:
          guard let field = descriptorField(entry) else { continue }
          if TextureNames.ignoredFields.contains(field) {
            context.claim(i, .review, rule: Self.id, warning: Warnings.textureSetting,
                          message: "cu2sycl's software textures keep '\(field)' but do not apply it")
            continue
          }
        default:
          continue
        }
        context.claim(i, .converted, rule: Self.id)
      }
    }
  }

  /// Replaces the name where it is written (also in a `#define`: it is one token).
  private func rename(_ entry: CensusEntry, to sycl: String, _ context: MigrationContext) -> Bool {
    let o = entry.occurrence
    let token = o.offset..<(o.offset + o.name.utf8.count)
    guard let text = context.texts[o.file], token.upperBound <= text.bytes.count, text[token] == o.name else { return false }
    context.replace(o.file, token, with: sycl, rule: Self.id)
    let surface = sycl.contains("surface") || sycl.contains("boundary_mode")
    context.use(surface ? .surface : .texture, in: o.file)
    return true
  }

  /// `cudaMemcpy2DToArray(a, 0, 0, src, pitch, w, h, kind)` -> `cu2sycl::memcpy_2d_to_array(a, 0, 0, src, pitch, w, h)`:
  /// the name changes and trailing arguments the helper does not take (copy kinds, flags) go.
  private func convertHostCall(_ i: Int, _ mapping: (helper: String, keep: Int?), _ context: MigrationContext) -> Bool {
    let entry = context.entries[i]
    let o = entry.occurrence
    var dropped: Range<Int>?
    if !entry.inMacroBody, let cursor = entry.cursor, let call = context.call(named: cursor) {
      // From the text: an argument that is a macro (NULL, an array flag) inside a macro argument has no range.
      if let keep = mapping.keep, let r = context.range(of: call), let text = context.texts[r.file],
         let commas = Self.topLevelCommas(text, r.range), commas.count >= keep {
        let range = commas[keep - 1]..<(r.range.upperBound - 1)
        // The resource view of cudaCreateTextureObject is dropped only when there is none.
        let view = text[range].trimmingCharacters(in: Set<Character>.whitespaces.union([","]))
        if o.name == "cudaCreateTextureObject", !["NULL", "nullptr", "0"].contains(view) {
          context.claim(i, .manual, rule: Self.id, warning: Warnings.textureManual,
                        message: "resource views are not emulated; describe the reinterpreted data in the cudaResourceDesc instead")
          return false
        }
        dropped = range
      }
    } else if mapping.keep != nil {
      return false  // a call whose arguments change, written in a macro body: left for a person
    }
    guard rename(entry, to: "cu2sycl::" + mapping.helper, context) else { return false }
    if let dropped {
      context.replace(o.file, dropped, with: "", rule: Self.id)
      context.claimAll(in: o.file, dropped, .converted, rule: Self.id) { $0.kind == .constant || $0.kind == .macro }
    }
    context.use(.texture, in: o.file)
    if o.name.contains("Surface") { context.use(.surface, in: o.file) }
    if TextureNames.referenceCalls.contains(o.name) { context.use(.textureReference, in: o.file) }
    if o.name == "cudaMalloc3DArray" { context.use(.texture3D, in: o.file) }
    return true
  }

  /// Offsets of the commas between the arguments of the call written in `range` (which ends with `)`).
  static func topLevelCommas(_ text: SourceText, _ range: Range<Int>) -> [Int]? {
    guard range.count >= 2, text.bytes[range.upperBound - 1] == UInt8(ascii: ")"),
          let open = range.firstIndex(where: { text.bytes[$0] == UInt8(ascii: "(") }) else { return nil }
    var commas: [Int] = [], depth = 0, quote: UInt8?
    for i in (open + 1)..<(range.upperBound - 1) {
      let b = text.bytes[i]
      if let q = quote {
        if b == q && text.bytes[i - 1] != UInt8(ascii: "\\") { quote = nil }
        continue
      }
      switch b {
      case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = b
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      case UInt8(ascii: ","): if depth == 0 { commas.append(i) }
      default: break
      }
    }
    return commas
  }

  /// The field name when a member access names a field of a descriptor struct the helpers keep.
  private func descriptorField(_ entry: CensusEntry) -> String? {
    guard var owner = entry.cursor?.referenced, owner.kind == .fieldDecl else { return nil }
    let field = owner.spelling
    // Fields of res.array, res.linear, ... belong to unnamed structs and unions inside cudaResourceDesc.
    while let parent = owner.semanticParent, parent.kind == .structDecl || parent.kind == .unionDecl {
      owner = parent
      if !parent.spelling.isEmpty, !parent.spelling.contains("(unnamed"), !parent.spelling.contains("(anonymous") { break }
    }
    return TextureNames.descriptorStructs.contains(owner.spelling) ? field : nil
  }
}
