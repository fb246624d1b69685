# The web app: ImGui panels, GL helpers, the app and the platform layer, linked into
# build/web/dist/nabla.{js,wasm} next to a copy of web/index.html. dist/ is the whole deployable site.
include(cmake/imgui.cmake)

# Our GLSL (shaders/) goes into the module as string constants in a generated header, rewritten
# only when a shader changes; tests/CMakeLists.txt compiles the same files with glslangValidator.
# Comments and indentation are left out of the page (the driver needs neither).
include(cmake/shaders.cmake)
set(NABLA_SHADER_FILES heatmap.vert heatmap.frag network.frag)
set(_shaders "// Generated from shaders/ by cmake/web_app.cmake: edit the .vert/.frag files, not this.\n")
string(APPEND _shaders "#pragma once\nnamespace nabla::gfx::shaders {\n")
foreach(_file ${NABLA_SHADER_FILES})
  nabla_shader_source(${_file} _source)
  string(REGEX REPLACE "[ ]*//[^\n]*" "" _source "${_source}")
  string(REGEX REPLACE "\n[ \n]+" "\n" _source "${_source}")
  string(MAKE_C_IDENTIFIER "${_file}" _name)
  string(APPEND _shaders "inline constexpr const char* ${_name} = R\"glsl(${_source})glsl\";\n")
endforeach()
string(APPEND _shaders "}  // namespace nabla::gfx::shaders\n")
file(CONFIGURE OUTPUT "${CMAKE_BINARY_DIR}/generated/shaders.h" CONTENT "${_shaders}" @ONLY)

add_library(nabla_gfx STATIC src/gfx/rgba_texture.cpp src/gfx/heatmap_texture.cpp src/gfx/gl_program.cpp src/gfx/shader_heatmap.cpp
  src/gfx/network_picture.cpp)
nabla_layer(nabla_gfx gfx)
target_include_directories(nabla_gfx PRIVATE "${CMAKE_BINARY_DIR}/generated")
target_link_libraries(nabla_gfx PUBLIC nabla_lab nabla_paint)

# The fonts, subset to the characters of every string literal (English and the Korean table) at
# build time; the build fails when a translation uses a character the fonts lack.
# The course's text (src/lessons/course.txt) adds its maths and arrows to the Latin subset; its Hangul
# goes into hangul-more.ttf, which the page fetches when a Korean lesson opens.
file(GLOB_RECURSE _font_sources CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/*.cpp" "${CMAKE_SOURCE_DIR}/src/*.h" "${CMAKE_SOURCE_DIR}/src/*.inc"
  "${CMAKE_SOURCE_DIR}/src/lessons/*.txt")
set(NABLA_FONT_FILES "${CMAKE_BINARY_DIR}/fonts/latin.ttf" "${CMAKE_BINARY_DIR}/fonts/latin-bold.ttf" "${CMAKE_BINARY_DIR}/fonts/hangul.ttf")
add_custom_command(
  OUTPUT ${NABLA_FONT_FILES} "${CMAKE_BINARY_DIR}/fonts/hangul-more.ttf" "${CMAKE_BINARY_DIR}/fonts/glyph_ranges.inc"
         "${CMAKE_BINARY_DIR}/fonts/font_data.inc"
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/scripts/subset_fonts.py" "${CMAKE_SOURCE_DIR}/src" "${CMAKE_BINARY_DIR}/fonts"
  DEPENDS "${CMAKE_SOURCE_DIR}/scripts/subset_fonts.py" ${_font_sources}
  COMMENT "Subsetting the fonts to the glyphs Nabla writes")
add_custom_target(nabla_fonts DEPENDS ${NABLA_FONT_FILES} "${CMAKE_BINARY_DIR}/fonts/glyph_ranges.inc" "${CMAKE_BINARY_DIR}/fonts/font_data.inc")

add_library(nabla_ui STATIC
  src/ui/fonts.cpp
  src/ui/theme.cpp
  src/ui/format.cpp
  src/ui/plot.cpp
  src/ui/graph_canvas.cpp
  src/ui/tensor_view.cpp
  src/ui/graph_panel.cpp
  src/ui/playground_panel.cpp
  src/ui/trajectory_panel.cpp
  src/ui/widget_map.cpp
  src/ui/hidden.cpp
  src/ui/lesson_panel.cpp)
nabla_layer(nabla_ui ui)
target_include_directories(nabla_ui PRIVATE "${CMAKE_BINARY_DIR}/fonts")
add_dependencies(nabla_ui nabla_fonts)
target_link_libraries(nabla_ui PUBLIC nabla_lab nabla_view_math nabla_gfx imgui)

add_library(nabla_app STATIC src/app/app.cpp)
nabla_layer(nabla_app app)
target_link_libraries(nabla_app PUBLIC nabla_ui)

add_executable(nabla_web src/platform/main_web.cpp src/platform/js_bridge.cpp src/platform/input.cpp)
nabla_layer(nabla_web platform)
target_link_libraries(nabla_web PRIVATE nabla_app)
target_link_options(nabla_web PRIVATE ${NABLA_WEB_LINK_FLAGS})
set(NABLA_DIST_DIR "${CMAKE_BINARY_DIR}/dist")
set_target_properties(nabla_web PROPERTIES OUTPUT_NAME nabla SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${NABLA_DIST_DIR}" LINK_DEPENDS "${NABLA_FONT_FILES}")
# Binaryen's size passes once more over the linked module, repeated until they stop gaining: 1.25 KB
# less page gzip-compressed than emcc's single round (the list it is given, -Oz with --converge,
# did not change the output). The module's features named, as emcc strips the section that lists them.
add_custom_command(TARGET nabla_web POST_BUILD
  COMMAND wasm-opt --enable-simd --enable-mutable-globals -Oz --converge "${NABLA_DIST_DIR}/nabla.wasm" -o "${NABLA_DIST_DIR}/nabla.wasm"
  VERBATIM)
# The larger Hangul set, beside the page: fetched only when someone types Hangul (ui/fonts.h).
add_custom_command(OUTPUT "${NABLA_DIST_DIR}/hangul-more.ttf"
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_BINARY_DIR}/fonts/hangul-more.ttf" "${NABLA_DIST_DIR}/hangul-more.ttf"
  DEPENDS "${CMAKE_BINARY_DIR}/fonts/hangul-more.ttf")
add_custom_target(nabla_more_fonts ALL DEPENDS "${NABLA_DIST_DIR}/hangul-more.ttf")
# One subsetting run: without this the two targets each run subset_fonts.py, in parallel, on the same files.
add_dependencies(nabla_more_fonts nabla_fonts)
# The course, beside the page: fetched when the Lessons tab or a lesson link first opens (lab/course.h).
add_custom_command(OUTPUT "${NABLA_DIST_DIR}/course.txt"
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/src/lessons/course.txt" "${NABLA_DIST_DIR}/course.txt"
  DEPENDS "${CMAKE_SOURCE_DIR}/src/lessons/course.txt")
add_custom_target(nabla_course ALL DEPENDS "${NABLA_DIST_DIR}/course.txt")
# The page, rewritten whenever web/index.html changes, with its Content-Security-Policy hashes filled in.
add_custom_command(OUTPUT "${NABLA_DIST_DIR}/index.html"
  COMMAND node "${CMAKE_SOURCE_DIR}/web/inline_csp.mjs" "${CMAKE_SOURCE_DIR}/web/index.html" "${NABLA_DIST_DIR}/index.html"
  DEPENDS "${CMAKE_SOURCE_DIR}/web/index.html" "${CMAKE_SOURCE_DIR}/web/inline_csp.mjs"
  COMMENT "web/index.html into dist/, its Content-Security-Policy hashes filled in")
add_custom_target(nabla_page ALL DEPENDS "${NABLA_DIST_DIR}/index.html")

# The page's weight: ImGui, the GL helpers and the panels are compiled for size (about 230 KB less code, 60 KB less
# gzip-compressed); the engine, the network and the labs keep -O3, where the time goes.
foreach(_target imgui nabla_gfx nabla_ui nabla_app nabla_web)
  target_compile_options(${_target} PRIVATE -Os)
endforeach()
# So are the files that run once per click or per record, not per training step (the labs' models,
# links, files in and out, messages, data generation, the Graph lab's graphs; 30 KB less gzip-compressed). What a step or a
# frame's picture runs (scalar graph, MLP, optimizers, trainer, loss surfaces) keeps -O3.
set_source_files_properties(
  src/lab/compare_run.cpp src/lab/exports.cpp src/lab/graph_lab.cpp src/lab/graph_layout.cpp src/lab/hidden_controls.cpp
  src/lab/history.cpp src/lab/json_writer.cpp src/lab/network_graph.cpp src/lab/playground_lab.cpp
  src/lab/playground_state.cpp src/lab/replay.cpp src/lab/trajectory_lab.cpp src/lab/trajectory_state.cpp
  src/lab/url_codec.cpp src/lab/weights_file.cpp src/lab/plane_grid.cpp src/lab/course.cpp src/lab/lesson_lab.cpp
  src/lab/json_reader.cpp src/lab/graph_quiz.cpp src/lab/tensor_text.cpp src/lab/tensor_json.cpp src/lab/tensor_expand.cpp
  src/engine/tensor_value.cpp src/engine/tensor_graph.cpp src/engine/scalar_graph.cpp src/engine/scalar_ops.cpp
  src/nn/datasets.cpp src/nn/divergence.cpp src/nn/own_data.cpp
  src/engine/expression_parser.cpp src/engine/gradient_check.cpp src/engine/i18n.cpp src/engine/i18n_ko.cpp
  src/engine/number_text.cpp src/engine/range.cpp src/engine/utf8.cpp
  TARGET_DIRECTORY nabla_lab nabla_nn nabla_engine
  PROPERTIES COMPILE_OPTIONS -Os)
set_source_files_properties(src/gfx/damage.cpp src/gfx/network_shader.cpp TARGET_DIRECTORY nabla_paint PROPERTIES COMPILE_OPTIONS -Os)
# The lanes (src/nn/lanes.cpp) at -O2: as fast as -O3 on W1 and 0.75 KB lighter; at -Os W1 halved.
set_source_files_properties(src/nn/lanes.cpp TARGET_DIRECTORY nabla_nn PROPERTIES COMPILE_OPTIONS -O2)
