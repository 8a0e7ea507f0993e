#pragma once
// Writing vector layers through GDAL (GeoPackage, GeoJSON): typed fields, one transaction per layer, and a
// close that reports failure instead of losing it in a destructor.
#include "libgeo/core/attributes.hpp"
#include "libgeo/export/manifest.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <deque>
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
    // record: the layer's entry in its file's manifest, which add() counts features into.
    VectorLayer(OGRLayer* layer, std::filesystem::path file, ManifestLayer& record);
    // One value per field, in the fields' order; throws std::logic_error for a row of another length.
    void add(OGRGeometryUniquePtr geometry, const std::vector<AttributeValue>& values);
    [[nodiscard]] long long count() const { return m_record->features; }

private:
    OGRLayer* m_layer;  // owned by the dataset
    std::filesystem::path m_file;
    ManifestLayer* m_record;  // owned by the VectorFile
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
    // Copies a layer of another dataset whole (fields, features, geometry type and CRS); recorded as `record` says,
    // with the feature count read from the copy.
    void copy_layer(OGRLayer& source, const ManifestLayer& record);
    // Layers created from now on are recorded as written by this analysis (contract.hpp analysis::).
    void set_analysis(std::string analysis) { m_analysis = std::move(analysis); }
    // Commits the open transaction, if any.
    void end_layer();
    [[nodiscard]] GDALDataset& dataset() { return *m_dataset; }
    // The layers created so far, with their geometry kinds, fields and feature counts: the run manifest's entries.
    [[nodiscard]] std::vector<ManifestLayer> layers() const { return {m_layers.begin(), m_layers.end()}; }
    // Flushes and closes; throws geo::OutputError when GDAL reports a failure.
    void close();

private:
    GDALDatasetUniquePtr m_dataset;
    std::filesystem::path m_path;
    bool m_in_transaction = false;
    std::string m_analysis;
    std::deque<ManifestLayer> m_layers;  // a deque: VectorLayers keep pointers to their entries
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
