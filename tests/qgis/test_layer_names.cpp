// The QGIS project shows layers by name in the campaign's language; the GeoPackage tables (the datasource) keep
// their snake_case names. Checked by parsing the project XML.
#include "libgeo/qgis/layer_names.hpp"
#include "libgeo/qgis/qgis_project.hpp"
#include "qgis/xml_check.hpp"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>

namespace geo::qgis {

namespace {

using test::children;
using test::document_element;
using test::parse_xml;
using test::value;

QgisProjectSpec spec_in(const std::string& lang)
{
    QgisProjectSpec spec;
    spec.vectors = {{"villages", GeometryKind::polygon, {}},         {"network", GeometryKind::line, {}},
                    {"tracks", GeometryKind::line, {}},              {"issues", GeometryKind::point, {}},
                    {"network_coverage", GeometryKind::line, {}},    {"uncovered", GeometryKind::line, {}},
                    {"blind_areas", GeometryKind::polygon, {}},      {"rejects", GeometryKind::none, {}},
                    {"hotspot_cells", GeometryKind::polygon, {"cell_id", "count", "inspected", "gi_bin", "rate_gi_z", "rate_gi_bin"}},
                    {"rebounds", GeometryKind::point, {}}};
    spec.walk_distance = WalkDistanceRaster{};
    spec.density = DensityRaster{"density.tif", 1.0};
    spec.lang = lang;
    return spec;
}

// True when the text holds a character of the CJK Unified Ideographs block (3-byte UTF-8 E4 B8 80 - E9 BF BF).
bool has_ideograph(const std::string& s)
{
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b >= 0xE4 && b <= 0xE9 && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) return true;
    }
    return false;
}

// Table name -> shown name, from the project's map layers (the table read from the datasource).
std::map<std::string, std::string> shown_names(const std::string& xml)
{
    std::map<std::string, std::string> out;
    const auto tree = parse_xml(xml);
    EXPECT_TRUE(tree);
    if (!tree) return out;
    const CPLXMLNode* root = document_element(tree, "qgis");
    static const std::regex table(R"(\|layername=([a-z_]+)$)");
    for (const auto* l : children(CPLGetXMLNode(root, "projectlayers"), "maplayer")) {
        const std::string source = value(l, "datasource");
        std::smatch m;
        std::string key = std::regex_search(source, m, table) ? m[1].str() : source;
        if (value(l, "id") == "geowalk_hotspot_cells_rate") key = "hotspot_cells_rate";
        out[key] = value(l, "layername");
    }
    // The layer tree shows the same names.
    for (const auto* g : children(CPLGetXMLNode(root, "layer-tree-group"), "layer-tree-group"))
        for (const auto* l : children(g, "layer-tree-layer")) {
            bool found = false;
            for (const auto& [k, shown] : out) found = found || shown == value(l, "name");
            EXPECT_TRUE(found) << value(l, "name");
        }
    return out;
}

}  // namespace

TEST(QgisLayerNames, ChineseProjectShowsChineseNamesOverSnakeCaseTables)
{
    const auto names = shown_names(qgis_project_xml(spec_in("zh")));
    ASSERT_EQ(names.size(), 13u);  // ten tables, the rate view of hotspot_cells, two rasters
    for (const auto& [table, shown] : names) {
        SCOPED_TRACE(table);
        EXPECT_TRUE(has_ideograph(shown)) << shown;
        EXPECT_NE(shown, table);
    }
    EXPECT_EQ(names.at("uncovered"), "死角");
    EXPECT_EQ(names.at("villages"), "村界");
    EXPECT_EQ(names.at("./walk_distance.tif"), "距最近巡查轨迹");
    // Every shown name is distinct: a planner can tell the layers apart.
    std::set<std::string> distinct;
    for (const auto& [table, shown] : names) distinct.insert(shown);
    EXPECT_EQ(distinct.size(), names.size());
}

TEST(QgisLayerNames, EnglishProjectShowsTheTableNames)
{
    for (const auto& [table, shown] : shown_names(qgis_project_xml(spec_in("en")))) {
        if (table.starts_with("./")) continue;  // the rasters, by file
        EXPECT_EQ(shown, table);
    }
    EXPECT_EQ(layer_display_name("some_new_layer", "zh"), "some_new_layer");  // unnamed yet: the table's name
}

}  // namespace geo::qgis
