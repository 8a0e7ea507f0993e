#include "libgeo/qgis/qgis_project.hpp"

#include "qgis/xml_check.hpp"
#include "libgeo/qgis/project_spec.hpp"
#include "libgeo/handles/wkt.hpp"
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <map>
#include <set>

namespace geo::qgis {

namespace {

using qgis::GeometryKind;
using test::children;
using test::descendants;
using test::document_element;
using test::parse_xml;
using test::value;

std::string cgcs2000_gk_wkt()
{
    OGRSpatialReference srs;
    EXPECT_EQ(srs.importFromEPSG(4542), OGRERR_NONE);
    std::string out = crs_wkt(srs, WktFormat::wkt2_2019);
    EXPECT_FALSE(out.empty());
    return out;
}

QgisProjectSpec sample_spec()
{
    QgisProjectSpec spec;
    spec.title = "甘浚镇";
    spec.vectors = {{"villages", GeometryKind::polygon, {}},      {"network_coverage", GeometryKind::line, {}},
                    {"issues", GeometryKind::point, {}},          {"rejects", GeometryKind::none, {}},
                    {"hotspot_cells", GeometryKind::polygon, {}}, {"hidden", GeometryKind::line, {}},
                    {"sites", GeometryKind::mixed, {}}};
    spec.walk_distance = WalkDistanceRaster{"walk_distance.tif", 30, 100, 200};
    spec.density = DensityRaster{"density.tif", 0.5};
    spec.crs_wkt = cgcs2000_gk_wkt();
    spec.crs_authid = "EPSG:4542";
    spec.crs_name = "CGCS2000 / 3-degree Gauss-Kruger CM 99E";
    spec.extent = {520000, 4300000, 535000, 4315000};
    return spec;
}

class QgisProject : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_tree = parse_xml(qgis_project_xml(m_spec));
        ASSERT_TRUE(m_tree) << "not well-formed XML";
        m_root = document_element(m_tree, "qgis");
        ASSERT_NE(m_root, nullptr);
    }

    const CPLXMLNode* map_layer(const std::string& name) const
    {
        for (const auto* l : children(CPLGetXMLNode(m_root, "projectlayers"), "maplayer"))
            if (value(l, "layername") == name) return l;
        return nullptr;
    }

    QgisProjectSpec m_spec = sample_spec();
    test::XmlTree m_tree{nullptr, &CPLDestroyXMLNode};
    const CPLXMLNode* m_root = nullptr;
};

TEST_F(QgisProject, ProjectCrsIsTheCampaignCrs)
{
    const CPLXMLNode* srs = CPLGetXMLNode(m_root, "projectCrs.spatialrefsys");
    ASSERT_NE(srs, nullptr);
    EXPECT_EQ(value(srs, "authid"), "EPSG:4542");
    EXPECT_EQ(value(srs, "wkt"), m_spec.crs_wkt);
    // QGIS 3.22 reads <projectCrs> only with this property set.
    EXPECT_EQ(value(m_root, "properties.SpatialRefSys.ProjectionsEnabled"), "1");
    OGRSpatialReference back;
    EXPECT_EQ(back.importFromWkt(value(srs, "wkt").c_str()), OGRERR_NONE);
    EXPECT_STREQ(back.GetAuthorityCode(nullptr), "4542");
}

TEST_F(QgisProject, EveryLayerIsAMapLayerWithItsSource)
{
    const auto layers = children(CPLGetXMLNode(m_root, "projectlayers"), "maplayer");
    EXPECT_EQ(layers.size(), m_spec.vectors.size() + 2);
    for (const auto& v : m_spec.vectors) {
        const CPLXMLNode* l = map_layer(v.name);
        ASSERT_NE(l, nullptr) << v.name;
        EXPECT_EQ(value(l, "type"), "vector");
        EXPECT_EQ(value(l, "datasource"), "./geowalk.gpkg|layername=" + v.name);
        EXPECT_EQ(value(l, "provider"), "ogr");
        EXPECT_EQ(value(l, "srs.spatialrefsys.authid"), "EPSG:4542");
        // Styled in the project itself, so it looks right even without layer_styles.
        EXPECT_EQ(children(l, "renderer-v2").size(), v.kind == GeometryKind::none ? 0u : 1u) << v.name;
    }
    for (const char* raster : {"walk_distance", "density"}) {
        const CPLXMLNode* l = map_layer(raster);
        ASSERT_NE(l, nullptr) << raster;
        EXPECT_EQ(value(l, "type"), "raster");
        EXPECT_EQ(value(l, "provider"), "gdal");
        EXPECT_EQ(value(l, "datasource"), std::string("./") + raster + ".tif");
        EXPECT_EQ(value(l, "pipe.rasterrenderer.type"), "singlebandpseudocolor");
    }
    EXPECT_EQ(value(map_layer("network_coverage"), "renderer-v2.type"), "categorizedSymbol");
    EXPECT_EQ(value(map_layer("hotspot_cells"), "renderer-v2.type"), "RuleRenderer");
}

TEST_F(QgisProject, GroupsHoldEachLayerOnce)
{
    const CPLXMLNode* tree = CPLGetXMLNode(m_root, "layer-tree-group");
    ASSERT_NE(tree, nullptr);
    std::map<std::string, std::string> group_of;  // layer id -> group
    std::vector<std::string> groups;
    for (const auto* g : children(tree, "layer-tree-group")) {
        groups.push_back(value(g, "name"));
        for (const auto* l : children(g, "layer-tree-layer")) {
            EXPECT_EQ(group_of.count(value(l, "id")), 0u) << value(l, "id");
            group_of[value(l, "id")] = value(g, "name");
        }
    }
    EXPECT_EQ(groups, (std::vector<std::string>{"Base", "Coverage", "Hotspots", "Checks"}));
    std::set<std::string> ids;
    for (const auto* l : children(CPLGetXMLNode(m_root, "projectlayers"), "maplayer")) ids.insert(value(l, "id"));
    EXPECT_EQ(group_of.size(), ids.size());
    for (const auto& id : ids) EXPECT_EQ(group_of.count(id), 1u) << id;
    EXPECT_EQ(group_of.at(value(map_layer("villages"), "id")), "Base");
    EXPECT_EQ(group_of.at(value(map_layer("walk_distance"), "id")), "Coverage");
    EXPECT_EQ(group_of.at(value(map_layer("density"), "id")), "Hotspots");
    EXPECT_EQ(group_of.at(value(map_layer("hidden"), "id")), "Checks");
}

TEST_F(QgisProject, PointsDrawOverLinesOverAreasOverRasters)
{
    std::vector<std::string> order;  // layer ids, top first
    for (const auto* l : children(CPLGetXMLNode(m_root, "layerorder"), "layer")) order.push_back(value(l, "id"));
    std::vector<std::string> custom;
    const CPLXMLNode* custom_order = CPLGetXMLNode(m_root, "layer-tree-group.custom-order");
    EXPECT_EQ(value(custom_order, "enabled"), "1");
    for (const auto* item : children(custom_order, "item")) custom.push_back(CPLGetXMLValue(item, "", ""));
    EXPECT_EQ(custom, order);
    auto rank = [&](const char* name) {
        return std::find(order.begin(), order.end(), value(map_layer(name), "id")) - order.begin();
    };
    EXPECT_LT(rank("issues"), rank("network_coverage"));
    EXPECT_LT(rank("network_coverage"), rank("villages"));
    EXPECT_LT(rank("villages"), rank("hotspot_cells"));
    EXPECT_LT(rank("hotspot_cells"), rank("density"));
    EXPECT_LT(rank("density"), rank("walk_distance"));
    EXPECT_EQ(order.size(), m_spec.vectors.size() + 2);
}

TEST_F(QgisProject, WalkDistanceStepsAtSightWalkedAndBlind)
{
    const CPLXMLNode* shader = CPLGetXMLNode(map_layer("walk_distance"), "pipe.rasterrenderer.rastershader.colorrampshader");
    ASSERT_NE(shader, nullptr);
    EXPECT_EQ(value(shader, "colorRampType"), "DISCRETE");
    std::vector<std::string> steps;
    for (const auto* item : children(shader, "item")) steps.push_back(value(item, "value"));
    EXPECT_EQ(steps, (std::vector<std::string>{"30", "100", "200", "inf"}));
}

TEST_F(QgisProject, DensityIsClearAtZero)
{
    const CPLXMLNode* renderer = CPLGetXMLNode(map_layer("density"), "pipe.rasterrenderer");
    const auto items = children(CPLGetXMLNode(renderer, "rastershader.colorrampshader"), "item");
    ASSERT_GE(items.size(), 3u);
    EXPECT_EQ(value(CPLGetXMLNode(renderer, "rastershader.colorrampshader"), "colorRampType"), "INTERPOLATED");
    EXPECT_EQ(value(items.front(), "value"), "0");
    EXPECT_EQ(value(items.front(), "alpha"), "0");
    EXPECT_EQ(value(items.back(), "value"), "0.5");
    const CPLXMLNode* entry = CPLGetXMLNode(renderer, "rasterTransparency.singleValuePixelList.pixelListEntry");
    ASSERT_NE(entry, nullptr);
    EXPECT_EQ(value(entry, "min"), "0");
    EXPECT_EQ(value(entry, "percentTransparent"), "100");
}

TEST_F(QgisProject, OpensOnTheTown)
{
    const CPLXMLNode* extent = CPLGetXMLNode(m_root, "mapcanvas.extent");
    EXPECT_EQ(value(extent, "xmin"), "520000");
    EXPECT_EQ(value(extent, "ymax"), "4315000");
    const CPLXMLNode* initial = CPLGetXMLNode(m_root, "ProjectViewSettings.DefaultViewExtent");
    EXPECT_EQ(value(initial, "xmax"), "535000");
    EXPECT_EQ(value(initial, "spatialrefsys.authid"), "EPSG:4542");
}

// With --gi-rate, hotspot_cells is in the project twice: by count Gi* and, as hotspot_cells_rate, by rate Gi*,
// both reading the same table; the second is one click away in the Hotspots group, just under the first.
TEST(QgisProjectRate, RateGiStarIsALayerOfItsOwnOnTheSameTable)
{
    QgisProjectSpec spec = sample_spec();
    for (auto& v : spec.vectors)
        if (v.name == "hotspot_cells") v.fields = {"cell_id", "count", "inspected", "gi_bin", "rate_gi_z", "rate_gi_bin"};
    const auto tree = parse_xml(qgis_project_xml(spec));
    ASSERT_TRUE(tree);
    const CPLXMLNode* root = document_element(tree, "qgis");
    std::map<std::string, const CPLXMLNode*> layers;
    for (const auto* l : children(CPLGetXMLNode(root, "projectlayers"), "maplayer")) layers[value(l, "layername")] = l;
    ASSERT_EQ(layers.size(), spec.vectors.size() + 3);
    ASSERT_EQ(layers.count("hotspot_cells_rate"), 1u);
    const CPLXMLNode* rate = layers.at("hotspot_cells_rate");
    EXPECT_EQ(value(rate, "datasource"), "./geowalk.gpkg|layername=hotspot_cells");
    EXPECT_EQ(value(rate, "id"), "geowalk_hotspot_cells_rate");
    EXPECT_EQ(value(rate, "renderer-v2.type"), "RuleRenderer");
    std::vector<std::string> filters;
    for (const auto* rule : descendants(CPLGetXMLNode(rate, "renderer-v2"), "rule")) filters.push_back(value(rule, "filter"));
    ASSERT_EQ(filters.size(), 8u);  // seven Gi* classes and the not-inspected hatching
    for (std::size_t i = 0; i < 7; ++i) EXPECT_NE(filters[i].find("rate_gi_bin"), std::string::npos) << filters[i];
    EXPECT_NE(filters[7].find("inspected"), std::string::npos);
    const CPLXMLNode* count = layers.at("hotspot_cells");
    for (const auto* rule : descendants(CPLGetXMLNode(count, "renderer-v2"), "rule"))
        EXPECT_EQ(value(rule, "filter").find("rate_gi_bin"), std::string::npos);

    std::vector<std::string> order;
    for (const auto* l : children(CPLGetXMLNode(root, "layerorder"), "layer")) order.push_back(value(l, "id"));
    const auto at = [&](const std::string& id) { return std::find(order.begin(), order.end(), id) - order.begin(); };
    EXPECT_EQ(at("geowalk_hotspot_cells_rate"), at("geowalk_hotspot_cells") + 1);
    const CPLXMLNode* in_tree = nullptr;
    std::string group;
    for (const auto* g : children(CPLGetXMLNode(root, "layer-tree-group"), "layer-tree-group"))
        for (const auto* l : children(g, "layer-tree-layer"))
            if (value(l, "id") == "geowalk_hotspot_cells_rate") {
                in_tree = l;
                group = value(g, "name");
            }
    ASSERT_NE(in_tree, nullptr);
    EXPECT_EQ(group, "Hotspots");
    EXPECT_EQ(value(in_tree, "checked"), "Qt::Unchecked");
    EXPECT_EQ(value(in_tree, "source"), "./geowalk.gpkg|layername=hotspot_cells");
}

TEST(QgisProjectFiles, SpecFromTheRunManifest)
{
    test::TempDir dir("geowalk-qgs");
    output::Manifest m;
    m.title = "mini";
    m.crs_wkt = test::epsg_wkt(4542);
    m.crs_name = "CGCS2000 / 3-degree Gauss-Kruger CM 102E";
    m.crs_authid = "EPSG:4542";
    m.extent = {521000, 4301000, 522000, 4303000};
    m.layers = {{"villages", GeometryKind::polygon, {"id", "name"}, 1, "inputs"}, {"rejects", GeometryKind::none, {"reason"}, 0, "inputs"}};
    m.walk_distance = output::WalkDistanceEntry{"walk_distance.tif", 25, 120, 250};
    const QgisProjectSpec spec = project_spec(m);
    EXPECT_EQ(spec.crs_authid, "EPSG:4542");
    EXPECT_EQ(spec.crs_wkt, m.crs_wkt);
    EXPECT_EQ(spec.title, "mini");
    EXPECT_EQ(spec.extent.xmin, 521000);
    EXPECT_EQ(spec.extent.ymax, 4303000);
    ASSERT_EQ(spec.vectors.size(), 2u);
    EXPECT_EQ(spec.vectors[0].fields, (std::vector<std::string>{"id", "name"}));
    EXPECT_EQ(spec.vectors[1].kind, GeometryKind::none);
    ASSERT_TRUE(spec.walk_distance);
    EXPECT_EQ(spec.walk_distance->sight_m, 25);
    EXPECT_EQ(spec.walk_distance->village_m, 120);
    EXPECT_EQ(spec.walk_distance->blind_m, 250);
    EXPECT_FALSE(spec.density);

    // The manifest survives its own file.
    output::write_manifest(dir / "manifest.json", m);
    const output::Manifest back = output::read_manifest(dir.path());
    EXPECT_EQ(output::to_json(back), output::to_json(m));

    write_qgis_project(dir / "geowalk.qgs", spec);
    EXPECT_EQ(test::read_text(dir / "geowalk.qgs"), qgis_project_xml(spec, dir.path()));
    EXPECT_TRUE(parse_xml(test::read_text(dir / "geowalk.qgs")));
}

}  // namespace

}  // namespace geo::qgis
