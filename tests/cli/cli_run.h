// Runs the CLI in-process, as main() would, and keeps what it printed.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace nabla {

struct CliRun {
    int code;
    std::string out, err;
};

inline CliRun run(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = run_cli(args, out, err);
    return {code, out.str(), err.str()};
}

}  // namespace nabla
