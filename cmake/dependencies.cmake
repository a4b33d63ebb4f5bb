# All dependencies come from Debian packages (see README: "Building").
find_package(Threads REQUIRED)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(SQLiteCpp REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(CLI11 REQUIRED)
find_package(LibIcal REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(PkgConfig REQUIRED)

# cpp-httplib: Debian ships it compiled (libcpp-httplib.so, built with OpenSSL, zlib and Brotli);
# its pkg-config file carries the matching CPPHTTPLIB_*_SUPPORT defines (CPPHTTPLIB_OPENSSL_SUPPORT
# among them), which every user must compile with.
pkg_check_modules(CPPHTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

# libphonenumber ships neither a CMake config nor a pkg-config file on Debian 12.
find_library(PHONENUMBER_LIB phonenumber REQUIRED)
add_library(tafel_phonenumber INTERFACE)
target_link_libraries(tafel_phonenumber INTERFACE ${PHONENUMBER_LIB})

if(TAFEL_TESTS)
  find_package(GTest REQUIRED)
endif()
