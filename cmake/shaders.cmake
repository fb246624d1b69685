# Our GLSL (shaders/) as the driver gets it: a line `#include "name.glsl"` is replaced by that file
# (GLSL ES has no includes; the colour maps are written once for two shaders). Used by the page's
# build (cmake/web_app.cmake) and by the tests that compile the same text (tests/CMakeLists.txt).
function(nabla_shader_source file out)
  file(READ "${CMAKE_SOURCE_DIR}/shaders/${file}" source)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/shaders/${file}")
  string(REGEX MATCHALL "#include \"[^\"]+\"" includes "${source}")
  foreach(include ${includes})
    string(REGEX REPLACE "#include \"([^\"]+)\"" "\\1" name "${include}")
    file(READ "${CMAKE_SOURCE_DIR}/shaders/${name}" body)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/shaders/${name}")
    string(REPLACE "${include}" "${body}" source "${source}")
  endforeach()
  set(${out} "${source}" PARENT_SCOPE)
endfunction()
