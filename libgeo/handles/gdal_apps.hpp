#pragma once
// Owners of the option objects of GDAL's utilities as a library (gdal_utils.h: ogr2ogr, gdalwarp, gdaldem), of a
// string CPL allocated, and of HarfBuzz's font objects (the web map's font subset): freed here only.
#include <gdal_utils.h>
#include <hb-subset.h>
#include <hb.h>

#include <cpl_conv.h>

#include <memory>
#include <string>
#include <vector>

namespace geo {

struct VectorTranslateOptionsDeleter {
    void operator()(GDALVectorTranslateOptions* o) const { GDALVectorTranslateOptionsFree(o); }
};
struct WarpOptionsDeleter {
    void operator()(GDALWarpAppOptions* o) const { GDALWarpAppOptionsFree(o); }
};
struct DemOptionsDeleter {
    void operator()(GDALDEMProcessingOptions* o) const { GDALDEMProcessingOptionsFree(o); }
};
struct CplFreeDeleter {
    void operator()(char* p) const { CPLFree(p); }
};
using VectorTranslateOptionsPtr = std::unique_ptr<GDALVectorTranslateOptions, VectorTranslateOptionsDeleter>;
using WarpOptionsPtr = std::unique_ptr<GDALWarpAppOptions, WarpOptionsDeleter>;
using DemOptionsPtr = std::unique_ptr<GDALDEMProcessingOptions, DemOptionsDeleter>;
using CplStringPtr = std::unique_ptr<char, CplFreeDeleter>;

// argv as GDAL's utilities take it: a NULL-terminated array of C strings that live as long as `args`.
class UtilityArgs {
public:
    explicit UtilityArgs(std::vector<std::string> args);
    // argv() points into the strings held here: a copy would point into the original's.
    UtilityArgs(const UtilityArgs&) = delete;
    UtilityArgs& operator=(const UtilityArgs&) = delete;
    [[nodiscard]] char** argv() { return m_pointers.data(); }

private:
    std::vector<std::string> m_args;
    std::vector<char*> m_pointers;
};

struct HbBlobDeleter {
    void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct HbFaceDeleter {
    void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct HbSubsetInputDeleter {
    void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
struct HbFontDeleter {
    void operator()(hb_font_t* f) const { hb_font_destroy(f); }
};
struct HbBufferDeleter {
    void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};
using HbFontPtr = std::unique_ptr<hb_font_t, HbFontDeleter>;
using HbBufferPtr = std::unique_ptr<hb_buffer_t, HbBufferDeleter>;
using HbBlobPtr = std::unique_ptr<hb_blob_t, HbBlobDeleter>;
using HbFacePtr = std::unique_ptr<hb_face_t, HbFaceDeleter>;
using HbSubsetInputPtr = std::unique_ptr<hb_subset_input_t, HbSubsetInputDeleter>;

}  // namespace geo
