#pragma once
// Plain geometry types for analysis: metres in the campaign's local CRS, Boost.Geometry models so that
// rtrees and algorithms work on them directly. Rings are closed and oriented by boost::geometry::correct.
//
// Only the models and the algorithms most files use, not the <boost/geometry.hpp> umbrella (a third more to parse in
// every file that includes it); a file that needs another algorithm (intersection, touches, WKT) includes that one.
#include <boost/geometry/algorithms/append.hpp>
#include <boost/geometry/algorithms/area.hpp>
#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/algorithms/distance.hpp>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/expand.hpp>
#include <boost/geometry/algorithms/intersects.hpp>
#include <boost/geometry/algorithms/is_empty.hpp>
#include <boost/geometry/algorithms/length.hpp>
#include <boost/geometry/algorithms/within.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/linestring.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <boost/geometry/geometries/segment.hpp>
#include <boost/geometry/strategies/strategies.hpp>  // the cartesian strategies the algorithms above default to

namespace geo {

namespace bg = boost::geometry;

using Point = bg::model::d2::point_xy<double>;
using LineString = bg::model::linestring<Point>;
using Polygon = bg::model::polygon<Point>;
using MultiPolygon = bg::model::multi_polygon<Polygon>;
using Box = bg::model::box<Point>;

}  // namespace geo
