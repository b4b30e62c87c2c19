/// CUDA's `dim3` for the uses that cannot become a local `sycl::range<N>` (parameters, members, globals,
/// arrays, values shared by launches of different dimensionality), emitted into `cu2sycl/runtime.hpp`.
enum DimensionRuntime {
  static let dim3 = """

    // CUDA's dim3: x, y, z default to 1. Trivially copyable, so kernels can capture it. Built from a SYCL
    // range or id (item.get_local_range(), ...), whose last dimension is CUDA's x.
    struct dim3 {
      unsigned int x, y, z;
      constexpr dim3(unsigned int x = 1, unsigned int y = 1, unsigned int z = 1) : x(x), y(y), z(z) {}
      template <int N> dim3(const sycl::range<N> &r) : dim3(component(r, N - 1), component(r, N - 2), component(r, N - 3)) {}
      template <int N> dim3(const sycl::id<N> &i) : dim3(component(i, N - 1), component(i, N - 2), component(i, N - 3)) {}

     private:
      template <typename T> static unsigned int component(const T &v, int d) { return d >= 0 ? static_cast<unsigned int>(v[d]) : 1u; }
    };
    static_assert(std::is_trivially_copyable_v<dim3>, "kernels capture dim3 by value");
    // The sycl::range<N> of a dim3 in SYCL's order (x last), for launching an N-dimensional kernel. The
    // kernel reads no component beyond N, but CUDA would still run those blocks or threads: a dim3 that
    // has them is an error here rather than a silently smaller launch.
    template <int N> inline sycl::range<N> range(const dim3 &d) {
      if ((N < 3 && d.z != 1) || (N < 2 && d.y != 1))
        throw sycl::exception(sycl::make_error_code(sycl::errc::nd_range), "cu2sycl::range: the dim3 has more dimensions than the kernel");
      if constexpr (N == 1) return sycl::range<1>(d.x);
      else if constexpr (N == 2) return sycl::range<2>(d.y, d.x);
      else return sycl::range<3>(d.z, d.y, d.x);
    }

    """
}
