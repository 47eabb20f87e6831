# RE2 and the slice of Abseil it needs, compiled from the sources vendored in
# the npm package `re2` (pinned by package-lock.json). The native and the
# WebAssembly builds both use this one copy, so they match byte for byte.
#
# The package's binding.gyp already lists exactly which RE2 and Abseil sources
# make a working RE2; reading that list keeps this file correct across version
# bumps without copying ~100 paths here.
set(TACTFUL_RE2_PKG "${PROJECT_SOURCE_DIR}/node_modules/re2" CACHE PATH
    "Directory of the npm package re2 (run `npm ci` first)")
set(_gyp "${TACTFUL_RE2_PKG}/binding.gyp")
if(NOT EXISTS "${_gyp}")
  message(FATAL_ERROR "RE2 sources not found at ${TACTFUL_RE2_PKG}. "
                      "Run `npm ci` in ${PROJECT_SOURCE_DIR} first (scripts/setup.sh does).")
endif()
file(READ "${_gyp}" _gyp_text)
# Sources listed after the Windows-only condition are for Windows only.
string(FIND "${_gyp_text}" "OS==\\\"win\\\"" _win_at)
if(_win_at GREATER -1)
  string(SUBSTRING "${_gyp_text}" 0 ${_win_at} _gyp_text)
endif()
string(REGEX MATCHALL "\"vendor/[^\"]+\\.cc\"" _quoted "${_gyp_text}")
set(_sources "")
foreach(q IN LISTS _quoted)
  string(REPLACE "\"" "" p "${q}")
  list(APPEND _sources "${TACTFUL_RE2_PKG}/${p}")
endforeach()
# binding.gyp names only the futex waiter Linux uses; Abseil picks another
# (pthread) under Emscripten. Each waiter source compiles to nothing unless
# its platform selects it, so listing all of them is safe.
foreach(waiter pthread_waiter sem_waiter stdcpp_waiter)
  list(APPEND _sources "${TACTFUL_RE2_PKG}/vendor/abseil-cpp/absl/synchronization/internal/${waiter}.cc")
endforeach()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_gyp}")

add_library(tactful_re2 STATIC ${_sources})
target_include_directories(tactful_re2 SYSTEM PUBLIC
  "${TACTFUL_RE2_PKG}/vendor/re2" "${TACTFUL_RE2_PKG}/vendor/abseil-cpp")
target_compile_definitions(tactful_re2 PUBLIC NOMINMAX)
target_compile_options(tactful_re2 PRIVATE -w)
set_target_properties(tactful_re2 PROPERTIES CXX_STANDARD 17 POSITION_INDEPENDENT_CODE ON)
if(NOT EMSCRIPTEN)
  find_package(Threads REQUIRED)
  target_link_libraries(tactful_re2 PUBLIC Threads::Threads)
endif()
