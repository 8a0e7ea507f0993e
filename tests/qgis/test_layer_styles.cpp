#include "libgeo/qgis/layer_styles.hpp"

#include "qgis/xml_check.hpp"
#include "libgeo/core/error.hpp"
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <map>
#include <set>

namespace geo::qgis {

namespace {

using test::children;
using test::descendants;
using test::document_element;
using test::parse_xml;
using test::value;

struct LayerDef {
    const char* name;
    OGRwkbGeometryType type;
    std::vector<std::pair<const char*, OGRFieldType>> fields;
    std::vector<const char*> wkt;  // one feature per geometry; nullptr for a row without geometry
};

// A few layers of the output contract, as geowalk writes them (GPKG, geometry column "geom"), some absent.
std::vector<LayerDef> sample_layers()
{
    return {
        {"villages", wkbMultiPolygon, {{"name", OFTString}}, {"MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0)))"}},
        {"network_coverage", wkbLineString, {{"covered", OFTInteger}, {"length_m", OFTReal}},
         {"LINESTRING(0 0,50 50)", "LINESTRING(50 50,100 0)"}},
        {"issues", wkbPoint, {{"status", OFTString}}, {"POINT(10 10)"}},
        {"sites", wkbUnknown, {{"category", OFTString}}, {"POINT(20 20)", "POLYGON((30 30,40 30,40 40,30 30))"}},
        {"hotspot_cells", wkbPolygon, {{"gi_bin", OFTInteger}, {"inspected", OFTInteger}},
         {"POLYGON((0 0,10 0,10 10,0 10,0 0))"}},
        {"rejects", wkbNone, {{"reason", OFTString}}, {nullptr}},
    };
}

void write_gpkg(const std::filesystem::path& path, const std::vector<LayerDef>& layers)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    ASSERT_NE(driver, nullptr);
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(ds);
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    ASSERT_EQ(srs.importFromEPSG(4542), OGRERR_NONE);
    for (const auto& def : layers) {
        OGRLayer* layer = ds->CreateLayer(def.name, def.type == wkbNone ? nullptr : &srs, def.type, nullptr);
        ASSERT_NE(layer, nullptr);
        for (const auto& [name, type] : def.fields) {
            OGRFieldDefn field(name, type);
            ASSERT_EQ(layer->CreateField(&field), OGRERR_NONE);
        }
        for (const char* wkt : def.wkt) {
            OGRFeature feature(layer->GetLayerDefn());
            if (wkt) {
                OGRGeometry* g = nullptr;
                ASSERT_EQ(OGRGeometryFactory::createFromWkt(wkt, &srs, &g), OGRERR_NONE);
                feature.SetGeometryDirectly(g);
            }
            ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
        }
    }
}

struct StyleRow {
    std::string table, geometry_column, schema, catalog, name, qml, sld;
    int use_as_default = -1;
};

std::map<std::string, StyleRow> read_styles(const std::filesystem::path& path)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    std::map<std::string, StyleRow> rows;
    OGRLayer* table = ds ? ds->GetLayerByName("layer_styles") : nullptr;
    EXPECT_NE(table, nullptr);
    if (!table) return rows;
    for (auto& f : *table) {
        StyleRow r{f->GetFieldAsString("f_table_name"), f->GetFieldAsString("f_geometry_column"),
                   f->GetFieldAsString("f_table_schema"), f->GetFieldAsString("f_table_catalog"),
                   f->GetFieldAsString("styleName"), f->GetFieldAsString("styleQML"), f->GetFieldAsString("styleSLD"),
                   f->GetFieldAsInteger("useAsDefault")};
        EXPECT_EQ(rows.count(r.table), 0u) << "two styles for " << r.table;
        rows[r.table] = r;
    }
    return rows;
}

class LayerStyles : public ::testing::Test {
protected:
    void SetUp() override
    {
        write_gpkg(m_gpkg, sample_layers());
        write_layer_styles(m_gpkg);
        m_rows = read_styles(m_gpkg);
    }

    test::TempDir m_dir{"geowalk-styles"};
    std::filesystem::path m_gpkg = m_dir / "geowalk.gpkg";
    std::map<std::string, StyleRow> m_rows;
};

TEST_F(LayerStyles, TableHasQgisColumns)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(m_gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* table = ds->GetLayerByName("layer_styles");
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->GetGeomType(), wkbNone);
    EXPECT_STREQ(table->GetFIDColumn(), "id");
    const OGRFeatureDefn* defn = table->GetLayerDefn();
    const std::vector<std::string> expected{"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column",
                                            "styleName", "styleQML", "styleSLD", "useAsDefault", "description",
                                            "owner", "ui", "update_time"};
    ASSERT_EQ(defn->GetFieldCount(), static_cast<int>(expected.size()));
    for (int i = 0; i < defn->GetFieldCount(); ++i) EXPECT_EQ(defn->GetFieldDefn(i)->GetNameRef(), expected[static_cast<std::size_t>(i)]);
    const OGRFieldDefn* use = defn->GetFieldDefn(defn->GetFieldIndex("useAsDefault"));
    EXPECT_EQ(use->GetType(), OFTInteger);
    EXPECT_EQ(use->GetSubType(), OFSTBoolean);
    EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("f_table_name"))->GetWidth(), 256);
    EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("styleName"))->GetWidth(), 30);
    EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("update_time"))->GetType(), OFTDateTime);
}

TEST_F(LayerStyles, OneDefaultRowPerPresentLayer)
{
    std::set<std::string> tables;
    for (const auto& [name, row] : m_rows) tables.insert(name);
    EXPECT_EQ(tables, (std::set<std::string>{"villages", "network_coverage", "issues", "sites", "hotspot_cells", "rejects"}));
    for (const auto& [name, row] : m_rows) {
        EXPECT_EQ(row.use_as_default, 1) << name;
        // QGIS looks a layer's default up by f_table_schema = '' and the layer's geometry column.
        EXPECT_EQ(row.schema, "") << name;
        EXPECT_EQ(row.catalog, "") << name;
        EXPECT_EQ(row.geometry_column, name == "rejects" ? "" : "geom") << name;
        EXPECT_EQ(row.name, name);
    }
}

TEST_F(LayerStyles, QmlAndSldAreWellFormed)
{
    for (const auto& [name, row] : m_rows) {
        const auto qml = parse_xml(row.qml);
        ASSERT_TRUE(qml) << name;
        const CPLXMLNode* root = document_element(qml, "qgis");
        ASSERT_NE(root, nullptr) << name;
        EXPECT_EQ(children(root, "renderer-v2").size(), name == "rejects" ? 0u : 1u) << name;
        const auto sld = parse_xml(row.sld);
        ASSERT_TRUE(sld) << name;
        const CPLXMLNode* sld_root = document_element(sld, "StyledLayerDescriptor");
        ASSERT_NE(sld_root, nullptr) << name;
        EXPECT_EQ(value(sld_root, "NamedLayer.se:Name"), name);
        if (name != "rejects") {
            EXPECT_FALSE(descendants(sld_root, "se:Rule").empty()) << name;
        }
    }
}

TEST_F(LayerStyles, CoverageIsGreenRedByCoveredFlag)
{
    const auto qml = parse_xml(m_rows.at("network_coverage").qml);
    const CPLXMLNode* renderer = CPLGetXMLNode(document_element(qml, "qgis"), "renderer-v2");
    ASSERT_NE(renderer, nullptr);
    EXPECT_EQ(value(renderer, "type"), "categorizedSymbol");
    EXPECT_EQ(value(renderer, "attr"), "covered");
    const auto categories = children(CPLGetXMLNode(renderer, "categories"), "category");
    ASSERT_EQ(categories.size(), 2u);
    std::map<std::string, std::string> colour_of;  // category value -> line colour
    const auto symbols = children(CPLGetXMLNode(renderer, "symbols"), "symbol");
    for (const auto* c : categories)
        for (const auto* s : symbols)
            if (value(s, "name") == value(c, "symbol"))
                for (const auto* option : descendants(s, "Option"))
                    if (value(option, "name") == "line_color") colour_of[value(c, "value")] = value(option, "value");
    EXPECT_EQ(colour_of["1"], "26,150,65,255");
    EXPECT_EQ(colour_of["0"], "215,25,28,255");
}

TEST_F(LayerStyles, HotspotBinsInSevenClassesWithHatchForUninspected)
{
    const auto qml = parse_xml(m_rows.at("hotspot_cells").qml);
    const CPLXMLNode* renderer = CPLGetXMLNode(document_element(qml, "qgis"), "renderer-v2");
    EXPECT_EQ(value(renderer, "type"), "RuleRenderer");
    const auto rules = children(CPLGetXMLNode(renderer, "rules"), "rule");
    ASSERT_EQ(rules.size(), 8u);
    for (int bin = -3; bin <= 3; ++bin)
        EXPECT_EQ(value(rules[static_cast<std::size_t>(bin + 3)], "filter"), "\"gi_bin\" = " + std::to_string(bin));
    EXPECT_EQ(value(rules[7], "filter"), "\"inspected\" = 0");
    // The not-inspected rule draws a line pattern (hatch), with its line sub-symbol.
    const auto symbols = children(CPLGetXMLNode(renderer, "symbols"), "symbol");
    ASSERT_EQ(symbols.size(), 8u);
    const auto hatch_layers = children(symbols[7], "layer");
    ASSERT_EQ(hatch_layers.size(), 1u);
    EXPECT_EQ(value(hatch_layers[0], "class"), "LinePatternFill");
    EXPECT_EQ(value(children(hatch_layers[0], "symbol").at(0), "type"), "line");
}

TEST_F(LayerStyles, VillagesLabelledInACjkFont)
{
    const auto qml = parse_xml(m_rows.at("villages").qml);
    const CPLXMLNode* root = document_element(qml, "qgis");
    EXPECT_EQ(value(root, "labelsEnabled"), "1");
    const CPLXMLNode* text = CPLGetXMLNode(root, "labeling.settings.text-style");
    ASSERT_NE(text, nullptr);
    EXPECT_EQ(value(text, "fieldName"), "name");
    EXPECT_EQ(value(text, "fontFamily"), "Noto Sans CJK SC");
    // Outline only: the fill is switched off so the layers beneath show through.
    bool no_fill = false;
    for (const auto* option : descendants(CPLGetXMLNode(root, "renderer-v2"), "Option"))
        if (value(option, "name") == "style") no_fill = value(option, "value") == "no";
    EXPECT_TRUE(no_fill);
}

TEST_F(LayerStyles, MixedGeometryLayerGetsRulesPerGeometryType)
{
    const auto qml = parse_xml(m_rows.at("sites").qml);
    const CPLXMLNode* renderer = CPLGetXMLNode(document_element(qml, "qgis"), "renderer-v2");
    EXPECT_EQ(value(renderer, "type"), "RuleRenderer");
    std::set<std::string> symbol_types;
    for (const auto* s : children(CPLGetXMLNode(renderer, "symbols"), "symbol")) symbol_types.insert(value(s, "type"));
    EXPECT_EQ(symbol_types, (std::set<std::string>{"marker", "line", "fill"}));
    EXPECT_NE(value(children(CPLGetXMLNode(renderer, "rules"), "rule").at(0), "filter").find("geometry_type($geometry) = 'Point'"),
              std::string::npos);
}

TEST_F(LayerStyles, IssuesByStatus)
{
    const auto qml = parse_xml(m_rows.at("issues").qml);
    const CPLXMLNode* renderer = CPLGetXMLNode(document_element(qml, "qgis"), "renderer-v2");
    EXPECT_EQ(value(renderer, "attr"), "status");
    std::set<std::string> values;
    for (const auto* c : children(CPLGetXMLNode(renderer, "categories"), "category")) values.insert(value(c, "value"));
    EXPECT_EQ(values, (std::set<std::string>{"found", "assigned", "rectifying", "rectified", "accepted", "rebounded"}));
}

TEST_F(LayerStyles, RerunReplacesInsteadOfAdding)
{
    write_layer_styles(m_gpkg, "zh");
    const auto rows = read_styles(m_gpkg);  // read_styles fails on a second row for a table
    EXPECT_EQ(rows.size(), m_rows.size());
    const auto qml = parse_xml(rows.at("network_coverage").qml);
    const auto categories = descendants(document_element(qml, "qgis"), "category");
    ASSERT_EQ(categories.size(), 2u);
    EXPECT_EQ(value(categories[0], "label"), "已走到");
}

TEST(LayerStylesExtra, RateGiStarGetsASecondStyleThatIsNotTheDefault)
{
    test::TempDir dir{"geowalk-styles"};
    const auto gpkg = dir / "geowalk.gpkg";
    write_gpkg(gpkg, {{"hotspot_cells", wkbPolygon,
                       {{"gi_bin", OFTInteger}, {"inspected", OFTInteger}, {"issues_per_km", OFTReal},
                        {"rate_gi_z", OFTReal}, {"rate_gi_bin", OFTInteger}},
                       {"POLYGON((0 0,10 0,10 10,0 10,0 0))"}}});
    for (int run = 0; run < 2; ++run) {  // a rerun replaces both rows
        write_layer_styles(gpkg, "zh");
        GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        OGRLayer* table = ds->GetLayerByName("layer_styles");
        ASSERT_NE(table, nullptr);
        std::map<std::string, StyleRow> by_name;
        for (auto& f : *table) {
            EXPECT_STREQ(f->GetFieldAsString("f_table_name"), "hotspot_cells");
            by_name[f->GetFieldAsString("styleName")] = {"", "", "", "", f->GetFieldAsString("styleName"),
                                                         f->GetFieldAsString("styleQML"), "",
                                                         f->GetFieldAsInteger("useAsDefault")};
        }
        ASSERT_EQ(by_name.size(), 2u);
        EXPECT_EQ(by_name.at("hotspot_cells").use_as_default, 1);
        const StyleRow& rate = by_name.at("hotspot_cells_rate");
        EXPECT_EQ(rate.use_as_default, 0);
        const auto qml = parse_xml(rate.qml);
        const CPLXMLNode* renderer = CPLGetXMLNode(document_element(qml, "qgis"), "renderer-v2");
        const auto rules = children(CPLGetXMLNode(renderer, "rules"), "rule");
        ASSERT_EQ(rules.size(), 8u);
        for (int bin = -3; bin <= 3; ++bin)
            EXPECT_EQ(value(rules[static_cast<std::size_t>(bin + 3)], "filter"),
                      "\"rate_gi_bin\" = " + std::to_string(bin));
        EXPECT_EQ(value(rules[7], "filter"), "\"inspected\" = 0");
        EXPECT_EQ(value(rules[6], "label"), "每公里问题多于随机（99%置信度）");
    }
}

TEST(LayerStylesErrors, MissingFileIsAnOutputError)
{
    test::TempDir dir("geowalk-styles");
    EXPECT_THROW(write_layer_styles(dir / "absent.gpkg"), Error);
}

}  // namespace

}  // namespace geo::qgis
