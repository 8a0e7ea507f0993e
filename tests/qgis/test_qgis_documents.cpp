#include "libgeo/qgis/default_styles.hpp"
#include "libgeo/qgis/qml.hpp"
#include "libgeo/qgis/sld.hpp"
#include "libgeo/qgis/xml.hpp"

#include "qgis/xml_check.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace geo::qgis {

namespace {

TEST(QgisXml, EscapesAndKeepsOrder)
{
    XmlElement root("a");
    root.set("x", "1").set("y", "<\"&'>").set("x", "2");
    root.add("b").text("t < u");
    root.add("c");
    EXPECT_EQ(root.str(), "<a x=\"2\" y=\"&lt;&quot;&amp;&apos;&gt;\">\n  <b>t &lt; u</b>\n  <c/>\n</a>\n");
}

// Numbers in QGIS documents are core/number_text's (tests/core/test_number_text.cpp has the locale checks).
TEST(QgisXml, NumbersAreShortAndLocaleFree)
{
    XmlElement root("a");
    root.set("p", 0.1).set("q", 120.0).set("r", -3.0).set("s", 1e-6);
    root.set("t", static_cast<double>(INFINITY));  // what QGIS writes for the last step of a discrete ramp
    EXPECT_EQ(root.str(), "<a p=\"0.1\" q=\"120\" r=\"-3\" s=\"1e-06\" t=\"inf\"/>\n");
}

TEST(QgisExpressions, QuoteFieldsAndText)
{
    EXPECT_EQ(expression(Condition{"a\"b", Condition::Op::equals, "O'Brien", true}), "\"a\"\"b\" = 'O''Brien'");
    EXPECT_EQ(expression(Condition{"gi_bin", Condition::Op::equals, "-3", false}), "\"gi_bin\" = -3");
    EXPECT_EQ(expression({equals("visited", "1", false), geometry_is("Point")}),
              "\"visited\" = 1 AND geometry_type($geometry) = 'Point'");
}

TEST(QgisStyles, UnknownLayerGetsAPlainStyleOfItsGeometry)
{
    EXPECT_FALSE(has_own_style("walk_routes"));
    const LayerStyle s = default_style("walk_routes", GeometryKind::line);
    ASSERT_TRUE(s.renderer);
    EXPECT_EQ(s.renderer->kind, RendererKind::single);
    EXPECT_EQ(s.renderer->classes.at(0).symbol.type, SymbolType::line);
    EXPECT_EQ(s.layer, "walk_routes");
    EXPECT_FALSE(default_style("register", GeometryKind::none).renderer);
}

TEST(QgisStyles, LegendLabelsFollowTheLanguage)
{
    const auto en = default_style("issues", GeometryKind::point, "en");
    const auto zh = default_style("issues", GeometryKind::point, "zh");
    EXPECT_EQ(en.renderer->classes.at(0).label, "found");
    EXPECT_EQ(zh.renderer->classes.at(0).label, "发现");
}

TEST(QgisStyles, SymbolsFollowTheGeometry)
{
    // emerging_hotspots may be cells or points: the symbols match whatever the layer holds.
    const std::vector<std::pair<GeometryKind, SymbolType>> cases{{GeometryKind::polygon, SymbolType::fill},
                                                                 {GeometryKind::point, SymbolType::marker}};
    for (const auto& [kind, type] : cases) {
        const LayerStyle style = default_style("emerging_hotspots", kind);
        for (const auto& c : style.renderer->classes) EXPECT_EQ(c.symbol.type, type);
    }
}

TEST(QgisSld, CatchAllCategoryIsAnElseRule)
{
    const auto tree = test::parse_xml(sld_document(default_style("network", GeometryKind::line)));
    ASSERT_TRUE(tree);
    const auto rules = test::descendants(test::document_element(tree, "StyledLayerDescriptor"), "se:Rule");
    ASSERT_FALSE(rules.empty());
    EXPECT_EQ(test::children(rules.back(), "se:ElseFilter").size(), 1u);
    EXPECT_EQ(test::value(rules.front(), "ogc:Filter.ogc:PropertyIsEqualTo.ogc:Literal"), "highway_shoulder");
}

TEST(QgisQml, DeadCornersLabelledWithRoundedLength)
{
    const auto tree = test::parse_xml(qml_document(default_style("uncovered", GeometryKind::line)));
    const CPLXMLNode* text = CPLGetXMLNode(test::document_element(tree, "qgis"), "labeling.settings.text-style");
    ASSERT_NE(text, nullptr);
    EXPECT_EQ(test::value(text, "isExpression"), "1");
    EXPECT_EQ(test::value(text, "fieldName"), "concat(to_int(round(\"length_m\")), ' m')");
}

}  // namespace

}  // namespace geo::qgis
