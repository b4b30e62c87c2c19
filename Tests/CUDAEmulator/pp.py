# Rewrites a .cu file for the CPU emulator (emu.h): kernel<<<g, b[, shm]>>>(args) becomes
# emu_launch(dim3(g), dim3(b), shm, [&]() { kernel(args); }) and extern __shared__ arrays
# become pointers to the per-block dynamic buffer; plain kernels are registered by address (for
# cudaLaunchKernel((void *)k, ...)). Prints the result on stdout.
import re, sys
src = open(sys.argv[1]).read()
src = re.sub(r'extern\s+__shared__\s+(\w+)\s+(\w+)\s*\[\s*\]\s*;', r'\1 *\2 = reinterpret_cast<\1 *>(emu_dyn);', src)
out = []; i = 0
while True:
    j = src.find('<<<', i)
    if j < 0: out.append(src[i:]); break
    # backtrack kernel name (optional template args)
    k = j
    if src[k-1] == '>':
        depth = 0; k -= 1
        while True:
            if src[k] == '>': depth += 1
            elif src[k] == '<':
                depth -= 1
                if depth == 0: break
            k -= 1
    while k > 0 and (src[k-1].isalnum() or src[k-1] in '_:'): k -= 1
    name = src[k:j]
    e = src.find('>>>', j)
    cfg = src[j+3:e]
    # split cfg on top-level commas
    parts = []; depth = 0; cur = ''
    for c in cfg:
        if c in '([{': depth += 1
        if c in ')]}': depth -= 1
        if c == ',' and depth == 0: parts.append(cur); cur = ''
        else: cur += c
    parts.append(cur)
    while len(parts) < 3: parts.append('0')
    p = e + 3
    while src[p].isspace(): p += 1
    assert src[p] == '('
    depth = 0; q = p
    while True:
        if src[q] == '(': depth += 1
        elif src[q] == ')':
            depth -= 1
            if depth == 0: break
        q += 1
    args = src[p+1:q]
    out.append(src[i:k])
    out.append('emu_launch(dim3(%s), dim3(%s), (size_t)(%s), [&]() { %s(%s); })' % (parts[0], parts[1], parts[2], name, args))
    i = q + 1
# Every plain (non-template) kernel is registered by address, for cudaLaunchKernel((void *)k, ...).
kernels = []
for m in re.finditer(r'(template\s*<[^;{]*?>\s*)?(?:extern\s+"C"\s+)?__global__\s+void\s+(\w+)\s*\(', src):
    if not m.group(1) and m.group(2) not in kernels: kernels.append(m.group(2))
out.append(''.join('\nstatic emu_kernel_registration emu_registration_%s(%s);' % (k, k) for k in kernels) + '\n')
print(''.join(out))
