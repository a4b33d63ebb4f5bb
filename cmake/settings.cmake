# Build settings as INTERFACE targets: every project target links tafel_settings.
add_library(tafel_settings INTERFACE)
target_compile_options(tafel_settings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                                                -Wnon-virtual-dtor -Wimplicit-fallthrough)
if(TAFEL_WERROR)
  target_compile_options(tafel_settings INTERFACE -Werror)
endif()
if(TAFEL_SANITIZE)
  # GCC's maybe-uninitialized analysis gives false positives inside LEMON's headers once the
  # sanitizers instrument the code; the normal -Werror build keeps the warning.
  target_compile_options(tafel_settings INTERFACE -fsanitize=address,undefined
                                                  -fno-omit-frame-pointer -fno-sanitize-recover=all
                                                  -Wno-maybe-uninitialized)
  target_link_options(tafel_settings INTERFACE -fsanitize=address,undefined)
endif()
target_include_directories(tafel_settings INTERFACE ${PROJECT_SOURCE_DIR})
