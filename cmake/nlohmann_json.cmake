# nlohmann/json 3.11.2 from Debian's nlohmann-json3-dev (header-only): reads the weights files people
# load (lab/weights_file.cpp). Under Emscripten the host's /usr/include must not be on the path, so
# its one directory is copied into the build tree and included from there, natively too.
find_path(NABLA_JSON_HOST_DIR nlohmann/json.hpp PATHS /usr/include NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
if(NOT NABLA_JSON_HOST_DIR)
  message(FATAL_ERROR "nlohmann/json.hpp not found in /usr/include: run scripts/install-deps.sh (apt package nlohmann-json3-dev)")
endif()
set(NABLA_JSON_DIR "${CMAKE_BINARY_DIR}/_deps/nlohmann-json")
file(COPY "${NABLA_JSON_HOST_DIR}/nlohmann" DESTINATION "${NABLA_JSON_DIR}")
add_library(nabla_json INTERFACE)
target_include_directories(nabla_json SYSTEM INTERFACE ${NABLA_JSON_DIR})
# No exceptions in the page (Emscripten's default): a throw would abort, so the code never lets one
# happen (parse through SAX, check each type before reading it), and says so to the library.
target_compile_definitions(nabla_json INTERFACE JSON_NOEXCEPTION)
