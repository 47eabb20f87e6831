# Builds the same sources for WebAssembly in a second build tree, configured
# with Emscripten's toolchain, as part of this one configure.
include(ExternalProject)
find_program(TACTFUL_EMCMAKE emcmake)
if(NOT TACTFUL_EMCMAKE)
  message(FATAL_ERROR "emcmake not found: install Debian's emscripten (scripts/setup.sh does), "
                      "or configure with -DTACTFUL_BUILD_WASM=OFF")
endif()
set(TACTFUL_WASM_DIR "${CMAKE_BINARY_DIR}/../wasm" CACHE PATH "Where the WebAssembly build goes")
get_filename_component(TACTFUL_WASM_DIR "${TACTFUL_WASM_DIR}" ABSOLUTE)
# Debian's emcc runs its JS optimizer with the system node, which must find
# Debian's acorn.
set(_env "${CMAKE_COMMAND}" -E env NODE_PATH=/usr/share/nodejs)
# A bare --parallel under make means no job limit at all (make warns "-j0
# forced in submake"): dozens of compilers at once on a shared machine.
include(ProcessorCount)
ProcessorCount(_wasm_jobs)
if(_wasm_jobs EQUAL 0)
  set(_wasm_jobs 2)
endif()
ExternalProject_Add(tactful_wasm_build
  SOURCE_DIR "${PROJECT_SOURCE_DIR}"
  BINARY_DIR "${TACTFUL_WASM_DIR}"
  CONFIGURE_COMMAND ${_env} "${TACTFUL_EMCMAKE}" "${CMAKE_COMMAND}" -S <SOURCE_DIR> -B <BINARY_DIR>
                    -DCMAKE_BUILD_TYPE=Release "-DTACTFUL_RE2_PKG=${TACTFUL_RE2_PKG}"
  BUILD_COMMAND ${_env} "${CMAKE_COMMAND}" --build <BINARY_DIR> --parallel ${_wasm_jobs}
  INSTALL_COMMAND ""
  BUILD_ALWAYS ON
  USES_TERMINAL_BUILD ON)
