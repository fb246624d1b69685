// The `nabla` command line: the same engine and lab code as the page, for teachers preparing a
// demo and for tests that run the engine headless. Returns the process exit code.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace nabla {

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace nabla
