import Foundation

/// Texture references (`texture<float, 2, cudaReadModeElementType> tex;`), removed in CUDA 12, are
/// declared by our CUDA declarations only on request, because a global template named `texture` would
/// clash with a user class of that name. A program that writes `texture<` and defines no `texture` of
/// its own gets them.
enum LegacyTextures {
  static let define = "-DCU2SYCL_LEGACY_TEXTURE_REFERENCES"

  static func needed(_ texts: some Sequence<SourceText>) -> Bool {
    var uses = false
    for text in texts where text.contains("texture") {
      let s = String(decoding: text.bytes, as: UTF8.self)
      if s.range(of: #"(class|struct|using|typedef)\s+texture\b(?!\s*<)"#, options: .regularExpression) != nil { return false }
      if !uses, s.range(of: #"(^|[^\w.>:])texture\s*<"#, options: .regularExpression) != nil { uses = true }
    }
    return uses
  }
}
