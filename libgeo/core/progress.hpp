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

}  // namespace geo
