#include "engine/range.h"

#include "engine/i18n.h"
#include "engine/number_text.h"

namespace nabla {

std::string between(Range r) { return trf("between %s and %s", plain_number(r.lo).c_str(), plain_number(r.hi).c_str()); }

}  // namespace nabla
