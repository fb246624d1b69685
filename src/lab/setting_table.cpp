#include "lab/setting_table.h"

#include <cstdlib>

namespace nabla {

std::string link_number(double v) {
    const std::string plain = plain_number(v), shortest = format_number(v);
    return std::strtod(plain.c_str(), nullptr) == v && plain.size() <= shortest.size() + 2 ? plain : shortest;
}

}  // namespace nabla
