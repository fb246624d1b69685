#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
    nabla::set_language(nabla::language_from_environment());  // before any message; --lang overrides it
    return nabla::run_cli(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
