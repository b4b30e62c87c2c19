// Plain C++ shared by the host code: copied as it is.
#pragma once
#include <string>

std::string describe(int n);
