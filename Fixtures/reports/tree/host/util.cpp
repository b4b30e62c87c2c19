#include "util.h"

std::string describe(int n) { return "processed " + std::to_string(n) + " elements"; }
