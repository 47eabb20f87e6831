# nlohmann/json is header-only (Debian: nlohmann-json3-dev). The Emscripten
# toolchain confines searches to its sysroot and must never see the host's
# /usr/include, so both builds find the headers on the host and use them
# through a directory that holds nothing else.
find_path(TACTFUL_NLOHMANN_INCLUDE nlohmann/json.hpp
  PATHS /usr/include /usr/local/include NO_CMAKE_FIND_ROOT_PATH)
if(NOT TACTFUL_NLOHMANN_INCLUDE)
  message(FATAL_ERROR "nlohmann/json.hpp not found: install nlohmann-json3-dev (scripts/setup.sh does)")
endif()
set(_dir "${CMAKE_BINARY_DIR}/third_party/include")
file(MAKE_DIRECTORY "${_dir}")
file(CREATE_LINK "${TACTFUL_NLOHMANN_INCLUDE}/nlohmann" "${_dir}/nlohmann" SYMBOLIC)
add_library(tactful_json INTERFACE)
target_include_directories(tactful_json SYSTEM INTERFACE "${_dir}")
