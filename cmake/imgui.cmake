# Dear ImGui 1.90.1 from Debian's source package (trixie: imgui 1.90.1+ds-1), fetched into the build
# tree with a private apt state directory (nothing in /etc changes), checked against a pinned
# sha256, and compiled with its GLFW and OpenGL3 backends for WebGL2 (GLSL ES 3.00).
set(NABLA_IMGUI_DEBIAN_VERSION "1.90.1+ds-1")
set(NABLA_IMGUI_ORIG "imgui_1.90.1+ds.orig.tar.xz")
set(NABLA_IMGUI_SHA256 "ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c")
set(NABLA_DEPS_DIR "${CMAKE_BINARY_DIR}/_deps")
set(NABLA_IMGUI_DIR "${NABLA_DEPS_DIR}/imgui-1.90.1")

if(NOT EXISTS "${NABLA_IMGUI_DIR}/imgui.h")
  if(NOT EXISTS "${NABLA_DEPS_DIR}/${NABLA_IMGUI_ORIG}")
    message(STATUS "Fetching Debian source package imgui=${NABLA_IMGUI_DEBIAN_VERSION}")
    execute_process(
      COMMAND bash "${CMAKE_SOURCE_DIR}/cmake/fetch_debian_source.sh" imgui "${NABLA_IMGUI_DEBIAN_VERSION}" trixie "${NABLA_DEPS_DIR}"
      RESULT_VARIABLE fetch_result)
    if(NOT fetch_result EQUAL 0)
      message(FATAL_ERROR "Could not fetch the imgui source package (see the apt output above).")
    endif()
  endif()
  file(SHA256 "${NABLA_DEPS_DIR}/${NABLA_IMGUI_ORIG}" actual_sha256)
  if(NOT actual_sha256 STREQUAL NABLA_IMGUI_SHA256)
    file(REMOVE "${NABLA_DEPS_DIR}/${NABLA_IMGUI_ORIG}")
    message(FATAL_ERROR "${NABLA_IMGUI_ORIG}: sha256 ${actual_sha256}, expected ${NABLA_IMGUI_SHA256}. Removed; re-run to fetch again.")
  endif()
  file(ARCHIVE_EXTRACT INPUT "${NABLA_DEPS_DIR}/${NABLA_IMGUI_ORIG}" DESTINATION "${NABLA_DEPS_DIR}")
endif()

add_library(imgui STATIC
  ${NABLA_IMGUI_DIR}/imgui.cpp
  ${NABLA_IMGUI_DIR}/imgui_draw.cpp
  ${NABLA_IMGUI_DIR}/imgui_tables.cpp
  ${NABLA_IMGUI_DIR}/imgui_widgets.cpp
  ${NABLA_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp
  ${NABLA_IMGUI_DIR}/backends/imgui_impl_glfw.cpp
  ${NABLA_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${NABLA_IMGUI_DIR} ${NABLA_IMGUI_DIR}/backends ${NABLA_IMGUI_DIR}/misc/cpp)
# 32-bit vertex indices: one window's draw list passes 65,535 vertices on a 400-node graph or a long
# trajectory run, and the ES3 backend cannot offset vertices, so 16-bit indices wrapped into garbage.
# No metrics/debugger windows, debug log or ID stack tool, and no file functions (no imgui.ini, fonts come
# from memory): ImGui links them through internal hooks even when nothing opens them; 6 KB of the
# page gzip-compressed.
target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3 IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEBUG_TOOLS IMGUI_DISABLE_FILE_FUNCTIONS
  "ImDrawIdx=unsigned int")
