#include "libgeo/qgis/layer_styles.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/qgis/qml.hpp"
#include "libgeo/qgis/sld.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace geo::qgis {

namespace {

constexpr const char* styles_table = "layer_styles";

GDALDatasetUniquePtr open(const std::filesystem::path& gpkg, unsigned int mode)
{
    GdalErrorTrap errors;
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | mode, nullptr, nullptr, nullptr));
    if (!ds) throw OutputError("cannot open the GeoPackage: " + errors.message(), in_file(gpkg.string()));
    return ds;
}

// The same columns, widths and types as QGIS's own OGR provider creates, so QGIS reads and updates the table
// as if it had made it (it filters on f_table_schema = '' and on the layer's geometry column).
OGRLayer* create_styles_table(GDALDataset& ds, const std::filesystem::path& gpkg)
{
    GdalErrorTrap errors;
    const char* options[] = {"FID=id", nullptr};
    OGRLayer* table = ds.CreateLayer(styles_table, nullptr, wkbNone, const_cast<char**>(options));
    if (!table) throw OutputError("cannot create layer_styles: " + errors.message(), in_file(gpkg.string()));
    struct Column {
        const char* name;
        OGRFieldType type;
        int width;
    };
    const Column columns[] = {{"f_table_catalog", OFTString, 256}, {"f_table_schema", OFTString, 256},
                              {"f_table_name", OFTString, 256},    {"f_geometry_column", OFTString, 256},
                              {"styleName", OFTString, 30},        {"styleQML", OFTString, 0},
                              {"styleSLD", OFTString, 0},          {"useAsDefault", OFTInteger, 0},
                              {"description", OFTString, 0},       {"owner", OFTString, 30},
                              {"ui", OFTString, 30},               {"update_time", OFTDateTime, 0}};
    for (const auto& c : columns) {
        OGRFieldDefn field(c.name, c.type);
        if (c.width > 0) field.SetWidth(c.width);
        if (c.type == OFTInteger) field.SetSubType(OFSTBoolean);
        if (c.type == OFTDateTime) field.SetDefault("CURRENT_TIMESTAMP");
        if (table->CreateField(&field) != OGRERR_NONE)
            throw OutputError(std::string("cannot create layer_styles column ") + c.name + ": " + errors.message(),
                              in_file(gpkg.string(), styles_table));
    }
    return table;
}

std::string quoted(const std::string& text)
{
    std::string out = "'";
    for (char ch : text) out += ch == '\'' ? std::string("''") : std::string(1, ch);
    return out + '\'';
}

// A rerun replaces geowalk's row and leaves any style a user saved, but only one row may be the default: making
// `style_name` the default takes that from the others.
void clear_previous(OGRLayer& table, const GpkgLayerInfo& layer, const std::string& style_name, bool as_default,
                    const std::filesystem::path& gpkg)
{
    table.SetAttributeFilter(("f_table_name = " + quoted(layer.name) + " AND f_geometry_column = " +
                              quoted(layer.geometry_column)).c_str());
    table.ResetReading();
    std::vector<GIntBig> ours;
    std::vector<OGRFeatureUniquePtr> defaults;
    for (auto& f : table) {
        if (style_name == f->GetFieldAsString("styleName")) ours.push_back(f->GetFID());
        else if (as_default && f->GetFieldAsInteger("useAsDefault") != 0)
            defaults.push_back(OGRFeatureUniquePtr(f->Clone()));
    }
    table.SetAttributeFilter(nullptr);
    bool ok = true;
    for (GIntBig fid : ours) ok = ok && table.DeleteFeature(fid) == OGRERR_NONE;
    for (auto& f : defaults) {
        f->SetField("useAsDefault", 0);
        ok = ok && table.SetFeature(f.get()) == OGRERR_NONE;
    }
    if (!ok) throw OutputError("cannot replace the earlier style of '" + layer.name + "'", in_file(gpkg.string(), styles_table));
}

void write_style(OGRLayer& table, const GpkgLayerInfo& layer, const qgis::LayerStyle& style,
                 const std::string& style_name, bool as_default, const std::filesystem::path& gpkg)
{
    GdalErrorTrap errors;
    clear_previous(table, layer, style_name, as_default, gpkg);
    OGRFeatureUniquePtr row(OGRFeature::CreateFeature(table.GetLayerDefn()));
    row->SetField("f_table_catalog", "");
    row->SetField("f_table_schema", "");
    row->SetField("f_table_name", layer.name.c_str());
    row->SetField("f_geometry_column", layer.geometry_column.c_str());
    row->SetField("styleName", style_name.c_str());
    row->SetField("styleQML", qgis::qml_document(style).c_str());
    row->SetField("styleSLD", qgis::sld_document(style).c_str());
    row->SetField("useAsDefault", as_default ? 1 : 0);
    row->SetField("description", style.description.c_str());
    row->SetField("owner", "");
    if (table.CreateFeature(row.get()) != OGRERR_NONE)
        throw OutputError("cannot write the style '" + style_name + "' of '" + layer.name + "': " + errors.message(),
                          in_file(gpkg.string(), styles_table));
}

}  // namespace

std::vector<GpkgLayerInfo> gpkg_layers(const std::filesystem::path& gpkg)
{
    GDALDatasetUniquePtr ds = open(gpkg, GDAL_OF_READONLY);
    std::vector<GpkgLayerInfo> out;
    for (OGRLayer* layer : ds->GetLayers()) {
        if (std::string(layer->GetName()) == styles_table) continue;
        GpkgLayerInfo info{layer->GetName(), output::geometry_kind(layer->GetGeomType()), layer->GetGeometryColumn(),
                           static_cast<long long>(layer->GetFeatureCount(TRUE)), {}};
        const OGRFeatureDefn* definition = layer->GetLayerDefn();
        for (int i = 0; i < definition->GetFieldCount(); ++i)
            info.fields.emplace_back(definition->GetFieldDefn(i)->GetNameRef());
        out.push_back(std::move(info));
    }
    return out;
}

void write_layer_styles(const std::filesystem::path& gpkg, const std::string& lang)
{
    const std::vector<GpkgLayerInfo> layers = gpkg_layers(gpkg);
    GDALDatasetUniquePtr ds = open(gpkg, GDAL_OF_UPDATE);
    OGRLayer* table = ds->GetLayerByName(styles_table);
    if (!table) table = create_styles_table(*ds, gpkg);

    GdalErrorTrap errors;
    if (ds->StartTransaction() != OGRERR_NONE)
        throw OutputError("cannot start a transaction: " + errors.message(), in_file(gpkg.string(), styles_table));
    try {
        for (const auto& layer : layers) {
            // QGIS names a style after its layer when saving without a name; the column is 30 characters wide.
            write_style(*table, layer, qgis::default_style(layer.name, layer.kind, lang), layer.name.substr(0, 30),
                        true, gpkg);
            for (const qgis::LayerStyle& extra : qgis::extra_styles(layer.name, layer.fields, lang))
                write_style(*table, layer, extra, extra.title.substr(0, 30), false, gpkg);
        }
    } catch (...) {
        // Leaves the file as it was; the error that got us here is the one worth reporting.
        [[maybe_unused]] const OGRErr ignored = ds->RollbackTransaction();
        throw;
    }
    if (ds->CommitTransaction() != OGRERR_NONE)
        throw OutputError("cannot commit layer_styles: " + errors.message(), in_file(gpkg.string(), styles_table));
    // Closing flushes; a failure there is reported through GDAL's error handler, which the trap holds.
    ds.reset();
    if (errors.failed()) throw OutputError("cannot close the GeoPackage: " + errors.message(), in_file(gpkg.string()));
}

}  // namespace geo::qgis
