#include "engine/solver/geo.hpp"

#include <cmath>
#include <numbers>

namespace tafel::solver {

double haversine_km(GeoPoint a, GeoPoint b) {
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlon = (b.lon - a.lon) * kRad;
  const double s1 = std::sin(dlat / 2);
  const double s2 = std::sin(dlon / 2);
  const double h = s1 * s1 + std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * s2 * s2;
  return 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace tafel::solver
