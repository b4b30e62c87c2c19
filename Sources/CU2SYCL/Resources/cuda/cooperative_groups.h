/*
 * cooperative_groups.h - CUDA cooperative groups.
 *
 * Part of cu2sycl's own CUDA declarations (see README.md): the group types,
 * their member functions and the free functions that create and use groups,
 * declared so that code using them parses. Members are declarations only.
 */
#ifndef _COOPERATIVE_GROUPS_H_
#define _COOPERATIVE_GROUPS_H_

#include "cu2sycl_cuda.h"

namespace cooperative_groups {

/* ---- Generic group ---------------------------------------------------------- */
class thread_group {
 public:
  __device__ void sync() const;
  __device__ unsigned long long size() const;
  __device__ unsigned long long num_threads() const;
  __device__ unsigned long long thread_rank() const;
  __device__ bool is_valid() const;
  __device__ unsigned int get_type() const;
};

/* ---- The threads of one block ------------------------------------------------- */
class thread_block : public thread_group {
 public:
  __device__ static void sync();
  __device__ static unsigned int thread_rank();
  __device__ static unsigned int size();
  __device__ static unsigned int num_threads();
  __device__ static dim3 group_index();
  __device__ static dim3 thread_index();
  __device__ static dim3 group_dim();
  __device__ static dim3 dim_threads();
};

/* ---- All threads of a grid (cooperative launch) --------------------------- */
class grid_group {
 public:
  __device__ static void sync();
  __device__ static bool is_valid();
  __device__ static unsigned long long size();
  __device__ static unsigned long long num_threads();
  __device__ static unsigned long long thread_rank();
  __device__ static unsigned long long block_rank();
  __device__ static unsigned long long num_blocks();
  __device__ static dim3 group_dim();
  __device__ static dim3 dim_blocks();
  __device__ static dim3 block_index();
};

/* ---- All threads of a multi-device launch (deprecated) ------------------- */
class multi_grid_group {
 public:
  __device__ void sync() const;
  __device__ bool is_valid() const;
  __device__ unsigned long long size() const;
  __device__ unsigned long long num_threads() const;
  __device__ unsigned long long thread_rank() const;
  __device__ unsigned int grid_rank() const;
  __device__ unsigned int num_grids() const;
};

/* ---- The converged threads of a warp ------------------------------------------ */
class coalesced_group : public thread_group {
 public:
  __device__ void sync() const;
  __device__ unsigned long long size() const;
  __device__ unsigned long long num_threads() const;
  __device__ unsigned long long thread_rank() const;
  __device__ unsigned long long meta_group_rank() const;
  __device__ unsigned long long meta_group_size() const;
  template <typename T> __device__ T shfl(T var, int srcRank) const;
  template <typename T> __device__ T shfl_up(T var, int delta) const;
  template <typename T> __device__ T shfl_down(T var, int delta) const;
  __device__ int any(int predicate) const;
  __device__ int all(int predicate) const;
  __device__ unsigned int ballot(int predicate) const;
  template <typename T> __device__ unsigned int match_any(T value) const;
  template <typename T> __device__ unsigned int match_all(T value, int &pred) const;
};

/* ---- Statically sized tiles of a block ------------------------------------------ */
template <unsigned int Size, typename ParentT = void>
class thread_block_tile;

template <unsigned int Size>
class thread_block_tile<Size, void> : public thread_group {
 public:
  static constexpr unsigned int numThreads = Size;
  __host__ __device__ static constexpr unsigned long long size() { return Size; }
  __host__ __device__ static constexpr unsigned long long num_threads() { return Size; }
  __device__ void sync() const;
  __device__ unsigned long long thread_rank() const;
  __device__ unsigned long long meta_group_rank() const;
  __device__ unsigned long long meta_group_size() const;
  __device__ bool is_valid() const;
  template <typename T> __device__ T shfl(T var, int srcRank) const;
  template <typename T> __device__ T shfl_up(T var, unsigned int delta) const;
  template <typename T> __device__ T shfl_down(T var, unsigned int delta) const;
  template <typename T> __device__ T shfl_xor(T var, unsigned int laneMask) const;
  __device__ int any(int predicate) const;
  __device__ int all(int predicate) const;
  __device__ unsigned int ballot(int predicate) const;
  template <typename T> __device__ unsigned int match_any(T value) const;
  template <typename T> __device__ unsigned int match_all(T value, int &pred) const;
};

/* A tile that remembers its parent converts to the parent-less tile type. */
template <unsigned int Size, typename ParentT>
class thread_block_tile : public thread_block_tile<Size, void> {};

/* Shared-memory scratch for tiles larger than a warp (declared __shared__). */
template <unsigned int MaxBlockSize = 1024>
struct block_tile_memory {
  alignas(16) unsigned char scratch[(MaxBlockSize / 32 + 1) * 16];
};

/* ---- Creating and using groups ------------------------------------------------ */
__device__ thread_block this_thread_block();
template <unsigned int MaxBlockSize>
__device__ thread_block this_thread_block(block_tile_memory<MaxBlockSize> &scratch);
__device__ grid_group this_grid();
__device__ multi_grid_group this_multi_grid();
__device__ coalesced_group coalesced_threads();

__device__ thread_group tiled_partition(const thread_group &parent, unsigned int tilesz);
__device__ thread_group tiled_partition(const thread_block &parent, unsigned int tilesz);
__device__ coalesced_group tiled_partition(const coalesced_group &parent, unsigned int tilesz);
template <unsigned int Size, typename ParentT>
__device__ thread_block_tile<Size, ParentT> tiled_partition(const ParentT &parent);

__device__ coalesced_group binary_partition(const coalesced_group &parent, bool pred);
template <unsigned int Size, typename ParentT>
__device__ coalesced_group binary_partition(const thread_block_tile<Size, ParentT> &parent, bool pred);
__device__ coalesced_group labeled_partition(const coalesced_group &parent, int label);
__device__ coalesced_group labeled_partition(const coalesced_group &parent, unsigned int label);

template <class TyGroup> __device__ void sync(TyGroup const &group);
template <class TyGroup> __device__ unsigned long long thread_rank(TyGroup const &group);
template <class TyGroup> __device__ unsigned long long group_size(TyGroup const &group);
template <class TyGroup> __device__ unsigned long long num_threads(TyGroup const &group);

} // namespace cooperative_groups

#endif /* _COOPERATIVE_GROUPS_H_ */
