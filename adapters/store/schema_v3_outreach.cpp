#include "adapters/store/schema_parts.hpp"

namespace tafel {

std::string_view schema_v3_outreach() {
  return R"sql(
SELECT 1;
)sql";
}

}  // namespace tafel
