/*
 * cooperative_groups/reduce.h - group-wide reductions.
 *
 * Part of cu2sycl's own CUDA declarations (see README.md).
 */
#ifndef _CG_REDUCE_H_
#define _CG_REDUCE_H_

#include "../cooperative_groups.h"
#include <type_traits>

namespace cooperative_groups {

/* Reduction operators. */
template <typename Ty> struct plus { __device__ Ty operator()(const Ty &lhs, const Ty &rhs) const; };
template <typename Ty> struct less { __device__ Ty operator()(const Ty &lhs, const Ty &rhs) const; };
template <typename Ty> struct greater { __device__ Ty operator()(const Ty &lhs, const Ty &rhs) const; };
template <typename Ty> struct bit_and { __device__ Ty operator()(const Ty &lhs, const Ty &rhs) const; };
template <typename Ty> struct bit_or { __device__ Ty operator()(const Ty &lhs, const Ty &rhs) const; };
template <typename Ty> struct bit_xor { __device__ Ty operator()(const Ty &lhs, const Ty &rhs) const; };

/* reduce(group, value, op): every thread of the group receives the result. Defined, as in CUDA's
 * headers, so that an operator of a lambda type (which has no linkage) can be passed; cu2sycl only
 * parses the placeholder body. The scans in scan.h likewise. */
template <typename TyGroup, typename TyVal, typename TyFn>
__device__ typename std::remove_cv<typename std::remove_reference<TyVal>::type>::type
reduce(const TyGroup &group, TyVal &&val, TyFn &&op) { return val; }

} // namespace cooperative_groups

#endif /* _CG_REDUCE_H_ */
