// tr(): a string a person reads, in the current language (engine/i18n.h has the rest). Its own
// header so that the enum tables can translate their labels without a cycle of includes.
#pragma once

namespace nabla {

const char* tr(const char* english);

}  // namespace nabla
