# Eigen comes from Debian's libeigen3-dev (header-only). Under Emscripten the toolchain hides the
# host's /usr/include, so the headers are located directly instead of through find_package.
find_path(NABLA_EIGEN_INCLUDE_DIR Eigen/Core
  PATHS /usr/include/eigen3
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
if(NOT NABLA_EIGEN_INCLUDE_DIR)
  message(FATAL_ERROR "Eigen not found in /usr/include/eigen3: run scripts/install-deps.sh (apt package libeigen3-dev)")
endif()
add_library(nabla_eigen INTERFACE)
target_include_directories(nabla_eigen SYSTEM INTERFACE ${NABLA_EIGEN_INCLUDE_DIR})
