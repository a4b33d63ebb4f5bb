# tafel_embed_templates(OUT_VAR FOLDER HEADER NAMESPACE FUNCTION)
#
# Compiles the shipped page templates in config/templates/FOLDER (*.html, *.txt) into the
# program as defaults: generates <binary dir>/FUNCTION.cpp defining
# `const std::map<std::string, std::string, std::less<>>& NAMESPACE::FUNCTION()` (file name ->
# text), declared in HEADER, and sets OUT_VAR to that file. Editing a template re-runs CMake.
function(tafel_embed_templates out_var folder header namespace function)
  set(dir ${PROJECT_SOURCE_DIR}/config/templates/${folder})
  file(GLOB files ${dir}/*.html ${dir}/*.txt)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${files} ${dir})
  set(entries "")
  foreach(file ${files})
    get_filename_component(name ${file} NAME)
    file(READ ${file} text)
    string(APPEND entries "    {\"${name}\", R\"tafeltemplate(${text})tafeltemplate\"},\n")
  endforeach()
  set(cpp ${CMAKE_CURRENT_BINARY_DIR}/${function}.cpp)
  file(CONFIGURE OUTPUT ${cpp} CONTENT
"// Generated from config/templates/@folder@ by cmake/embed_templates.cmake. Do not edit.
#include \"@header@\"

namespace @namespace@ {

const std::map<std::string, std::string, std::less<>>& @function@() {
  static const std::map<std::string, std::string, std::less<>> templates = {
@entries@  };
  return templates;
}

}  // namespace @namespace@
" @ONLY)
  set(${out_var} ${cpp} PARENT_SCOPE)
endfunction()
