# Turns every rules/*.json pack into a C++ source holding the packs as string
# literals, so the CLI and the wasm engine carry their rules with them.
# Invoked in script mode: cmake -DOUT=... -DRULES_DIR=... -P embed_rules.cmake
file(GLOB packs "${RULES_DIR}/*.json")
list(SORT packs)
set(body "// Generated from rules/*.json by cmake/embed_rules.cmake. Do not edit.\n")
string(APPEND body "#include \"core/builtin_packs.h\"\n\nnamespace tactful {\n\n")
string(APPEND body "const std::vector<BuiltinPack>& BuiltinPacks() {\n")
string(APPEND body "  static const std::vector<BuiltinPack> packs = {\n")
foreach(pack IN LISTS packs)
  get_filename_component(name "${pack}" NAME)
  file(READ "${pack}" json)
  # Indentation is a fifth of a pack and the wasm engine ships it. A raw
  # newline in JSON is always between tokens (strings escape theirs), so
  # dropping it with the indentation after it changes no value.
  string(REGEX REPLACE "\n[ \t]*" "" json "${json}")
  string(APPEND body "    {\"${name}\", R\"tactful_pack(${json})tactful_pack\"},\n")
endforeach()
string(APPEND body "  };\n  return packs;\n}\n\n}  // namespace tactful\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
