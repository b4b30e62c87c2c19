/*
 * cooperative_groups/scan.h - group-wide prefix scans.
 *
 * Part of cu2sycl's own CUDA declarations (see README.md).
 */
#ifndef _CG_SCAN_H_
#define _CG_SCAN_H_

#include "reduce.h"

namespace cooperative_groups {

template <typename TyGroup, typename TyVal, typename TyFn>
__device__ typename std::remove_cv<typename std::remove_reference<TyVal>::type>::type
inclusive_scan(const TyGroup &group, TyVal &&val, TyFn &&op) { return val; }

template <typename TyGroup, typename TyVal>
__device__ typename std::remove_cv<typename std::remove_reference<TyVal>::type>::type
inclusive_scan(const TyGroup &group, TyVal &&val) { return val; }

template <typename TyGroup, typename TyVal, typename TyFn>
__device__ typename std::remove_cv<typename std::remove_reference<TyVal>::type>::type
exclusive_scan(const TyGroup &group, TyVal &&val, TyFn &&op) { return val; }

template <typename TyGroup, typename TyVal>
__device__ typename std::remove_cv<typename std::remove_reference<TyVal>::type>::type
exclusive_scan(const TyGroup &group, TyVal &&val) { return val; }

} // namespace cooperative_groups

#endif /* _CG_SCAN_H_ */
