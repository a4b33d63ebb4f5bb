#include "adapters/store/schema_parts.hpp"

namespace tafel {

std::string_view schema_v2_planning() {
  return R"sql(
SELECT 1;
)sql";
}

}  // namespace tafel
