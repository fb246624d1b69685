# Build habits every target of ours shares (third-party code such as ImGui is left alone):
#
# nabla_layer(target layer): the target sees its own layer's headers as "layer/x.h" and, through
# its links, the layers below it, and nothing else. Each layer gets an include root of its own in
# the build tree holding one link, layers/<layer>/<layer> -> src/<layer>: an engine header that
# includes "lab/..." fails to compile instead of quietly reaching up (DESIGN.md's arrow).
#
# Warnings are errors on our code, natively and under Emscripten.
#
# NABLA_SANITIZE=ON (preset native-asan): AddressSanitizer and UndefinedBehaviorSanitizer, no
# recovery, asserts live (Debug), for the whole native suite.
option(NABLA_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
set(NABLA_WARNINGS -Wall -Wextra -Wpedantic -Werror)
if(NABLA_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1)
  add_link_options(-fsanitize=address,undefined)
  # GCC 12 reports false "may be used uninitialized" inside libstdc++ (<regex>, std::function)
  # once the sanitizers instrument it.
  list(APPEND NABLA_WARNINGS -Wno-maybe-uninitialized)
endif()

# NABLA_FUZZ=ON (preset fuzz, clang): coverage for libFuzzer on all our code, with both sanitizers.
option(NABLA_FUZZ "Build the libFuzzer targets (tests/fuzz) with clang" OFF)
if(NABLA_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1 -g)
  add_link_options(-fsanitize=address,undefined)
endif()

function(nabla_layer target layer)
  set(root "${CMAKE_BINARY_DIR}/layers/${layer}")
  if(NOT EXISTS "${root}/${layer}")
    file(MAKE_DIRECTORY "${root}")
    file(CREATE_LINK "${CMAKE_SOURCE_DIR}/src/${layer}" "${root}/${layer}" SYMBOLIC)
  endif()
  get_target_property(kind ${target} TYPE)
  if(kind STREQUAL "EXECUTABLE")
    target_include_directories(${target} PRIVATE "${root}")
  else()
    target_include_directories(${target} PUBLIC "${root}")
  endif()
  target_compile_options(${target} PRIVATE ${NABLA_WARNINGS})
endfunction()
