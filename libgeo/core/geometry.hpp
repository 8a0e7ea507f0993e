#pragma once
// Plain geometry types for analysis: metres in the campaign's local CRS, Boost.Geometry models so that
// rtrees and algorithms work on them directly. Rings are closed and oriented by boost::geometry::correct.
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/linestring.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>

namespace geo {

namespace bg = boost::geometry;

using Point = bg::model::d2::point_xy<double>;
using LineString = bg::model::linestring<Point>;
using Polygon = bg::model::polygon<Point>;
using MultiPolygon = bg::model::multi_polygon<Polygon>;
using Box = bg::model::box<Point>;

}  // namespace geo
