# Every Emscripten flag of the project, in one place.
# Compile: -O3 with WebAssembly SIMD (128-bit) for every target, engine included.
# NABLA_SIMD=OFF builds the scalar twin that the benchmark compares against.
option(NABLA_SIMD "WebAssembly SIMD (-msimd128)" ON)
set(CMAKE_CXX_FLAGS_RELEASE "-O3 -DNDEBUG")
if(NABLA_SIMD)
  add_compile_options(-msimd128)
endif()
# Link-time optimisation: lets the trainer inline the engine across files (about +10 % on the
# playground-sized networks, where per-call overhead dominates; bench/run.sh).
add_compile_options(-flto)
add_link_options(-flto)
# No RTTI: nothing asks a type its name (no typeid, no dynamic_cast), and the names cost page weight.
add_compile_options(-fno-rtti)

# Link flags of the web app (used by cmake/web_app.cmake):
set(NABLA_WEB_LINK_FLAGS
  -O3 -msimd128
  # Then binaryen's size passes over the whole module (-Oz after its -O3): 13 KB less page
  # gzip-compressed; 3 000 training steps and 50 recomputed 240-node graphs took the same time in
  # Chromium within noise (A/B, this machine). LLVM's vectorised loops are left as they are.
  -sBINARYEN_EXTRA_PASSES=-Oz
  # Emscripten's built-in GLFW 3 (a JS implementation: nothing is downloaded) on a WebGL2 context.
  -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  # The canvas keeps what was last drawn (WebGL's preserveDrawingBuffer: Emscripten's only switch for
  # it is this one): a frame that changed nothing is not drawn again (platform/main_web.cpp), and
  # whatever reads the canvas meanwhile (a screenshot, the browser's own capture) must still find it.
  -sGL_TESTING=1
  # The labs size their buffers at rebuild; let the heap grow when a user builds a large network.
  -sALLOW_MEMORY_GROWTH=1
  # Emscripten's small allocator (3 KB gzip-compressed less than dlmalloc): training steps allocate
  # nothing (tests/nn/allocation_test.cpp), so allocation speed only matters per click. Two A/B runs
  # of bench/frame_rate.mjs each favoured another allocator by more than the difference: noise.
  -sMALLOC=emmalloc
  # Browser only; the test hook in web/index.html calls C++ through ccall.
  -sENVIRONMENT=web -sEXPORTED_RUNTIME_METHODS=ccall
  # The UI fonts ship inside the module as bytes (scripts/subset_fonts.py writes fonts/font_data.inc,
  # ui/fonts.cpp reads them from memory), subset to what the app writes in either language, so the
  # page needs no network, and no file system: Emscripten's FS stays out of nabla.js.
  -sFILESYSTEM=0)
