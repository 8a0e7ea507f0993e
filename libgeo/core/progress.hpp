#pragma once
// Progress reporting in GDAL's callback shape (GDALProgressFunc), as every long libgeo call takes it.
#include "libgeo/core/error.hpp"

#include <gdal.h>

#include <string>

namespace geo {

// Reports a fraction done and a short label; a callback that returns FALSE cancels with geo::Error.
struct Progress {
    GDALProgressFunc fn = nullptr;
    void* data = nullptr;
    const char* task = "work";

    void operator()(double done, const char* what) const
    {
        if (fn && !fn(done, what, data)) throw Error(std::string(task) + " was cancelled");
    }
};

// A part [from, to] of a parent's progress, handed to a nested call as its own GDALProgressFunc.
struct SubProgress {
    GDALProgressFunc parent = nullptr;
    void* parent_data = nullptr;
    double from = 0, to = 1;

    static int CPL_STDCALL callback(double done, const char* what, void* self)
    {
        const auto* s = static_cast<const SubProgress*>(self);
        return s->parent ? s->parent(s->from + done * (s->to - s->from), what, s->parent_data) : TRUE;
    }
};

}  // namespace geo
