#pragma once
// Writing vector layers through GDAL (GeoPackage, GeoJSON): typed fields, one transaction per layer, and a
// close that reports failure instead of losing it in a destructor.
#include "libgeo/core/attributes.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <string>
#include <vector>

namespace geo::output {

struct FieldDef {
    std::string name;
    OGRFieldType type = OFTString;
};

class VectorLayer {
public:
    VectorLayer(OGRLayer* layer, std::filesystem::path file);
    void add(OGRGeometryUniquePtr geometry, const std::vector<AttributeValue>& values);
    [[nodiscard]] long long count() const { return m_count; }

private:
    OGRLayer* m_layer;  // owned by the dataset
    std::filesystem::path m_file;
    long long m_count = 0;
};

class VectorFile {
public:
    // driver: "GPKG" or "GeoJSON"; the file must not exist yet.
    VectorFile(const std::filesystem::path& path, const std::string& driver);
    VectorFile(const VectorFile&) = delete;
    VectorFile& operator=(const VectorFile&) = delete;
    ~VectorFile();

    // Creates a layer in the given CRS (WKT; empty for an attribute-only table) with the given fields.
    VectorLayer create_layer(const std::string& name, OGRwkbGeometryType type, const std::string& crs_wkt,
                             const std::vector<FieldDef>& fields, const std::vector<std::string>& options = {});
    // Commits the open transaction, if any.
    void end_layer();
    [[nodiscard]] GDALDataset& dataset() { return *m_dataset; }
    // Flushes and closes; throws geo::OutputError when GDAL reports a failure.
    void close();

private:
    GDALDatasetUniquePtr m_dataset;
    std::filesystem::path m_path;
    bool m_in_transaction = false;
};

// Fields for a list of original attribute sets: the union of names in first-seen order, each typed by what it
// holds (integer, real, else text); a name clashing with one of `reserved` gets the suffix "_src".
struct AttributeColumns {
    std::vector<FieldDef> fields;
    std::vector<std::string> source_names;  // the original name behind each field
    [[nodiscard]] std::vector<AttributeValue> values(const Attributes& attributes) const;
};
AttributeColumns attribute_columns(const std::vector<const Attributes*>& all, const std::vector<FieldDef>& reserved);

}  // namespace geo::output
