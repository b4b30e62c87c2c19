import CU2SYCL
import Foundation
import XCTest

/// Warp functions and cooperative groups that SYCL cannot express exactly get precise findings.
final class WarpFindingTests: XCTestCase {
  private func outcomes(_ report: MigrationReport) -> [String: (Outcome, String?)] {
    var out: [String: (Outcome, String?)] = [:]
    for o in report.occurrences where out[o.name] == nil { out[o.name] = (o.outcome, o.warning) }
    return out
  }

  func testMasksThatAreNotTheWholeWarpAreFlagged() throws {
    let (sycl, report, _) = try TestSupport.migrate("""
      #include <cuda_runtime.h>
      __global__ void k(int *out, unsigned m) {
        int v = out[threadIdx.x];
        v += __shfl_down_sync(0x0000ffff, v, 1);
        v += __shfl_sync(m, v, 0);
        __syncwarp(0xff);
        unsigned active = __activemask();
        out[threadIdx.x] = v + active + __any_sync(__activemask(), v) + __all_sync(~0u, v);
      }

      """)
    let o = outcomes(report)
    XCTAssertEqual(o["__shfl_down_sync"]?.0, .review)
    XCTAssertEqual(o["__shfl_down_sync"]?.1, "W040")
    XCTAssertEqual(o["__shfl_sync"]?.1, "W040")
    XCTAssertEqual(o["__syncwarp"]?.1, "W040")
    XCTAssertTrue(sycl.contains("// CU2SYCL-W040: the mask '0x0000ffff' names only some lanes"), sycl)
    XCTAssertTrue(sycl.contains("// CU2SYCL-W040: the mask 'm' is not a constant"), sycl)
    XCTAssertTrue(sycl.contains("// CU2SYCL-W043: __activemask()"), sycl)
    XCTAssertTrue(sycl.contains("unsigned active = cu2sycl::active_mask(item.get_sub_group());"), sycl)
    // Full masks (__activemask() as a mask, ~0u) convert cleanly.
    XCTAssertEqual(o["__any_sync"]?.0, .converted)
    XCTAssertEqual(o["__all_sync"]?.0, .converted)
  }

  /// cuda-samples' simpleVote: `int mask = 0xffffffff; __any_sync(mask, p)` is a full mask; a mask
  /// variable that is assigned or whose address is taken is not.
  func testUnchangedLocalFullMaskConverts() throws {
    let (sycl, report, _) = try TestSupport.migrate("""
      #include <cuda_runtime.h>
      __global__ void a(unsigned *in, unsigned *out) {
        int mask = 0xffffffff;
        out[threadIdx.x] = __any_sync(mask, in[threadIdx.x]);
      }
      __global__ void b(unsigned *in, unsigned *out) {
        unsigned mask = 0xffffffff;
        if (in[0]) mask = 1;
        out[threadIdx.x] = __all_sync(mask, in[threadIdx.x]);
      }
      __global__ void c(unsigned *in, unsigned *out) {
        unsigned mask = 0xffffffff;
        unsigned *p = &mask;
        out[threadIdx.x] = __ballot_sync(mask, in[threadIdx.x]) + *p;
      }

      """)
    let o = outcomes(report)
    XCTAssertEqual(o["__any_sync"]?.0, .converted)
    XCTAssertEqual(o["__all_sync"]?.1, "W040")
    XCTAssertEqual(o["__ballot_sync"]?.1, "W040")
    XCTAssertTrue(sycl.contains("out[item.get_local_id(0)] = sycl::any_of_group(item.get_sub_group(), in[item.get_local_id(0)]);"), sycl)
  }

  func testGroupsSYCLDoesNotHaveAreFlagged() throws {
    let (sycl, report, _) = try TestSupport.migrate("""
      #include <cuda_runtime.h>
      #include <cooperative_groups.h>
      #include <cooperative_groups/reduce.h>
      #include <cooperative_groups/scan.h>
      namespace cg = cooperative_groups;
      struct MaxOp { __device__ int operator()(int a, int b) const { return a > b ? a : b; } };
      __device__ int scan(cg::thread_group g, int v) { return cg::inclusive_scan(g, v); }
      __global__ void k(int *out, int n) {
        cg::thread_block block = cg::this_thread_block();
        cg::thread_block_tile<64> t64 = cg::tiled_partition<64>(block);
        cg::coalesced_group active = cg::coalesced_threads();
        auto warp = cg::tiled_partition<32>(block);
        cg::thread_group dynamic = cg::tiled_partition(block, n);
        out[0] = t64.thread_rank() + active.size() + cg::reduce(warp, 1, MaxOp()) + dynamic.is_valid() + scan(block, 1);
        cg::grid_group grid = cg::this_grid();
        grid.sync();
      }

      """)
    let o = outcomes(report)
    // Tiles wider than the sub-group, run-time tile sizes, and what cu2sycl::thread_group does not have.
    XCTAssertEqual(o["thread_block_tile"]?.1, "W041")
    XCTAssertEqual(o["tiled_partition"]?.1, "W041")
    XCTAssertTrue(sycl.contains("tiled_partition<64>: a tile of 64 spans several sub-groups"), sycl)
    XCTAssertTrue(sycl.contains("tiled_partition(group, n): the tile size is not a constant of 1 to 32"), sycl)
    XCTAssertEqual(o["thread_group.is_valid"]?.1, "W041")
    XCTAssertEqual(o["inclusive_scan"]?.1, "W041")
    XCTAssertTrue(sycl.contains("cg::inclusive_scan over a thread_group chosen at run time"), sycl)
    XCTAssertEqual(o["coalesced_threads"]?.1, "W044")
    XCTAssertEqual(o["reduce"]?.1, "W045")
    XCTAssertEqual(o["this_grid"]?.1, "W042")
    XCTAssertEqual(o["grid_group.sync"]?.0, .manual)
    XCTAssertEqual(o["grid_group.sync"]?.1, "W042")
    XCTAssertTrue(sycl.contains("split the kernel here into two kernels"), sycl)
    // The converted parts still convert; the namespace alias stays while code names it.
    XCTAssertTrue(sycl.contains("sycl::group<1> block = item.get_group();"), sycl)
    XCTAssertTrue(sycl.contains("auto warp = item.get_sub_group();"), sycl)
    XCTAssertTrue(sycl.contains("namespace cg = cooperative_groups;"), sycl)
  }

  /// warpSize is exactly 32 only where the kernel requires sub-groups of 32.
  func testWarpSizeOutsideWarpCodeStaysTheSubGroupSize() throws {
    let (sycl, report, _) = try TestSupport.migrate("""
      #include <cuda_runtime.h>
      __global__ void k(int *out) { out[threadIdx.x] = threadIdx.x % warpSize; }

      """)
    XCTAssertEqual(outcomes(report)["warpSize"]?.1, "W010")
    XCTAssertTrue(sycl.contains("item.get_sub_group().get_max_local_range()[0]"), sycl)
  }
}
