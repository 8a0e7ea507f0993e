#pragma once
// Plain geometry values for the sample town, in local metres. The generator works on these (cheap to copy, no
// context to carry) and only goes through GEOS for the operations that need topology: Voronoi, Delaunay, clipping.
#include "libgeo/handles/geos.hpp"

#include <cstddef>
#include <vector>

namespace geo::sample {

class Random;

struct Point {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const Point&, const Point&) = default;
};

using Polyline = std::vector<Point>;
// A closed ring: the last point repeats the first.
using Ring = std::vector<Point>;

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};
using MultiPolygon = std::vector<Polygon>;

double distance(Point a, Point b);
double length(const Polyline& line);
double ring_area(const Ring& ring);  // unsigned
double area(const MultiPolygon& polygons);
bool contains(const Ring& ring, Point p);  // even-odd rule; boundary points count either way
Point centroid(const Ring& ring);

// The point `along` metres from the start (clamped to the line).
Point point_along(const Polyline& line, double along);
// The unit direction of the line at `along` metres.
Point direction_along(const Polyline& line, double along);
// The part of a line between two distances from its start.
Polyline sub_line(const Polyline& line, double from, double to);

struct Projection {
    std::size_t segment = 0;  // the point lies on segment [segment, segment + 1]
    Point point;
    double distance = 0.0;    // from the query point
};
Projection project(const Polyline& line, Point p);

// Makes the projected point a vertex of the line (unless it already is one) and returns the vertex, so a line ending
// there shares the coordinate bit for bit: the network then connects without any snapping tolerance.
Point insert_vertex(Polyline& line, const Projection& at);

// A line from a to b that meanders sideways by up to `amplitude` metres, with a vertex about every `spacing` metres.
// The ends stay exactly at a and b.
Polyline wiggle(Point a, Point b, double amplitude, double spacing, Random& random);
// An irregular closed polygon around centre with radii in [0.75, 1.25] * radius.
Ring blob(Point centre, double radius, int vertices, Random& random);
// A closed rectangle rotated by angle (radians) around its centre.
Ring rectangle(Point centre, double width, double height, double angle);

// GEOS conversions; every GeomPtr is owned by the given context.
GeomPtr to_geos(const GeosContext& ctx, const Polyline& line);
GeomPtr to_geos(const GeosContext& ctx, const Polygon& polygon);
GeomPtr to_geos_points(const GeosContext& ctx, const std::vector<Point>& points);
// Every linear part of g (LineString, MultiLineString, collections), in GEOS order.
std::vector<Polyline> lines_from_geos(const GeosContext& ctx, const GEOSGeometry* g);
// Every polygonal part of g; lines and points are dropped.
MultiPolygon polygons_from_geos(const GeosContext& ctx, const GEOSGeometry* g);

}  // namespace geo::sample
