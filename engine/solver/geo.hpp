#pragma once
// Great-circle distance as solve.md defines it.

#include "engine/solver/instance.hpp"

namespace tafel::solver {

inline constexpr double kEarthRadiusKm = 6371.0;

// Haversine distance in kilometres between two points given in degrees.
double haversine_km(GeoPoint a, GeoPoint b);

}  // namespace tafel::solver
