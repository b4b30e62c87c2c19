/// The HTML report: a self-contained static site (helper `html` is writing it).
public enum HTMLReport {
  public static func render(_ report: MigrationReport, options: RenderOptions) -> [(path: String, bytes: [UInt8])] {
    [("index.html", Array("<!doctype html><title>cu2sycl report</title>".utf8))]
  }
}
