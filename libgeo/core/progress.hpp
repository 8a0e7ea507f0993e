#pragma once
// Progress reporting of long libgeo calls: a fraction done and a short label to a callback of GDAL's shape (a
// GDALProgressFunc is one of these where calling conventions agree, every platform we build on), without GDAL's
// headers in core/.
#include "libgeo/core/error.hpp"

#include <string>

namespace geo {

// Returns 0 to cancel.
using ProgressFunc = int (*)(double done, const char* what, void* data);

// Reports a fraction done and a short label; a callback that returns 0 cancels with geo::Error.
struct Progress {
    ProgressFunc fn = nullptr;
    void* data = nullptr;
    const char* task = "work";

    void operator()(double done, const char* what) const
    {
        if (fn && !fn(done, what, data)) throw Error(std::string(task) + " was cancelled");
    }
};

// A part [from, to] of a parent's progress, handed to a nested call as its own callback.
struct SubProgress {
    ProgressFunc parent = nullptr;
    void* parent_data = nullptr;
    double from = 0, to = 1;

    static int callback(double done, const char* what, void* self)
    {
        const auto* s = static_cast<const SubProgress*>(self);
        return s->parent ? s->parent(s->from + done * (s->to - s->from), what, s->parent_data) : 1;
    }
};

}  // namespace geo
