#include "engine/range.h"

#include "engine/number_text.h"

namespace nabla {

std::string between(Range r) { return "between " + plain_number(r.lo) + " and " + plain_number(r.hi); }

}  // namespace nabla
