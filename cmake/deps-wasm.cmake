# WebAssembly dependencies for Debian's Emscripten 3.1.6.
# Defines the same wrapper targets as deps-native.cmake (dep_json, dep_tinyxml2, dep_boost_test).
# Each setting below is a verified fix for a failure seen with 3.1.6; the comments say which.

if(CMAKE_VERSION VERSION_LESS 3.21)
  message(FATAL_ERROR "The wasm build needs CMake >= 3.21 (CMAKE_CXX_LINKER_LAUNCHER).")
endif()

# Exceptions must be enabled on every compile AND link of every wasm target. Without it a throw
# aborts the module, and Boost.Test silently skips the rest of a test case yet reports success.
# WebAssembly's own exception handling, not Emscripten's JavaScript emulation: the emulation sends
# every call that may throw through a JavaScript trampoline, which made the codecs slower and the
# module larger (docs/benchmarks.md, "What was tuned"). Boost.Test can use it once its signal handling (sigsetjmp) is
# compiled out (tests/support/runner.cpp).
# These directory-wide settings come before the first add_library() below: they are copied into
# target properties when a target is created.
add_compile_options(-fwasm-exceptions)

# Debian's prebuilt libc++ is compiled with every function noinline, and std::string's members
# are declared extern templates, so each push_back or append (and every helper inside it) is an
# out-of-line call into that library. Disabling the extern templates instantiates them in our own
# translation units at our optimisation level (figures: docs/benchmarks.md, "What was tuned").
add_compile_definitions(_LIBCPP_DISABLE_EXTERN_TEMPLATE)
add_link_options(-fwasm-exceptions -sALLOW_MEMORY_GROWTH=1)

# em++ links run acorn from Debian's /usr/share/nodejs, which Node 20 does not search by default.
set(CMAKE_CXX_LINKER_LAUNCHER "${CMAKE_COMMAND};-E;env;NODE_PATH=/usr/share/nodejs")

# Shadows the toolchain/emcmake default ("node;--experimental-wasm-threads" is rejected by Node 20).
# --no-experimental-fetch: the 3.1.6 loader would call Node 20's global fetch() on a file path.
find_program(NODE_EXECUTABLE NAMES node nodejs REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${NODE_EXECUTABLE};--no-experimental-fetch")

# Release for the web: smallest code. CMake puts these on compile and link lines, so -flto works.
# For -Os and -Oz, Emscripten 3.1.6 also passes -fno-inline-functions to clang, which then inlines
# nothing but always_inline functions: not even std::string's push_back. INLINING_LIMIT=0 takes
# that back and leaves the inlining to clang's size-aware -Oz rules: faster codecs and a smaller
# .wasm (docs/benchmarks.md, "What was tuned").
set(CMAKE_CXX_FLAGS_MINSIZEREL "-Oz -sINLINING_LIMIT=0 -flto -DNDEBUG")
# The link, though, at -Os (it comes after the flags above, and the last -O wins): at -Oz em++
# links the size-optimised variant of its libc (libc-optz), whose memcpy and memset are byte-by-
# byte loops, and every std::string append and growth goes through them. The objects keep their
# -Oz code; -Os only picks the ordinary libc and runs wasm-opt at -Os (figures:
# docs/benchmarks.md, "What was tuned"). (-Os sets INLINING_LIMIT again.)
set(CMAKE_EXE_LINKER_FLAGS_MINSIZEREL "-Os -sINLINING_LIMIT=0")

# Header-only libraries from /usr/include, through an include dir that holds only symlinks to them.
# Never pass /usr/include itself to em++: glibc headers would shadow the wasm sysroot
# ("bits/libc-header-start.h not found"). find_package() is useless here anyway (the find root is
# the sysroot, and forcing it would add -isystem /usr/include).
set(ORDERKIT_WASM_INCLUDE "${CMAKE_BINARY_DIR}/wasm-include")
file(MAKE_DIRECTORY "${ORDERKIT_WASM_INCLUDE}")
foreach(dir IN ITEMS nlohmann boost)
  if(NOT EXISTS "/usr/include/${dir}")
    message(FATAL_ERROR "/usr/include/${dir} not found: run scripts/setup.sh "
                        "(nlohmann-json3-dev, libboost-test-dev).")
  endif()
  if(NOT EXISTS "${ORDERKIT_WASM_INCLUDE}/${dir}")
    file(CREATE_LINK "/usr/include/${dir}" "${ORDERKIT_WASM_INCLUDE}/${dir}" SYMBOLIC)
  endif()
endforeach()

add_library(dep_json INTERFACE)
target_include_directories(dep_json SYSTEM INTERFACE "${ORDERKIT_WASM_INCLUDE}")

# tinyxml2: Debian ships no source in a binary package, so scripts/fetch-tinyxml2.sh extracts it
# from Debian's source package (same version as libtinyxml2-dev) into third_party/.
set(TINYXML2_SOURCE_DIR "${PROJECT_SOURCE_DIR}/third_party/tinyxml2" CACHE PATH
    "Directory holding tinyxml2.cpp and tinyxml2.h for the wasm build")
if(NOT EXISTS "${TINYXML2_SOURCE_DIR}/tinyxml2.cpp" OR NOT EXISTS "${TINYXML2_SOURCE_DIR}/tinyxml2.h")
  message(FATAL_ERROR
    "tinyxml2 sources not found in ${TINYXML2_SOURCE_DIR}.\n"
    "The wasm build compiles tinyxml2 itself. Run:\n"
    "    bash scripts/fetch-tinyxml2.sh\n"
    "(or bash scripts/setup.sh), then configure again.")
endif()
# Only the tests and benchmarks link it (the SDK's readers are its own), as objects of their own.
add_library(dep_tinyxml2 OBJECT "${TINYXML2_SOURCE_DIR}/tinyxml2.cpp")
target_include_directories(dep_tinyxml2 SYSTEM PUBLIC "$<BUILD_INTERFACE:${TINYXML2_SOURCE_DIR}>")
target_compile_features(dep_tinyxml2 PRIVATE cxx_std_17)
set(ORDERKIT_SDK_FIND_DEPENDENCIES "")

add_library(dep_boost_test INTERFACE)
target_include_directories(dep_boost_test SYSTEM INTERFACE "${ORDERKIT_WASM_INCLUDE}")
# Boost.Test's alternative signal stack needs sigaltstack, which wasm lacks (link error).
target_compile_definitions(dep_boost_test INTERFACE BOOST_TEST_DISABLE_ALT_STACK)
