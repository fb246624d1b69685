// The `nabla` command line: the same engine and lab code as the page, for teachers preparing a
// demo and for tests that run the engine headless. Returns the process exit code.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "engine/i18n.h"

namespace nabla {

// `--lang en|ko` anywhere among the arguments sets the language of the messages for this call (and
// only for it); without it they are in the current language, which main() takes from the
// environment (language_from_environment). JSON keys, flags and numbers are never translated.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// From the first of LC_ALL, LC_MESSAGES and LANG that is set and not empty (POSIX's order): Korean
// for "ko_KR.UTF-8" and the like, English otherwise or when none is set.
Language language_from_environment();

}  // namespace nabla
