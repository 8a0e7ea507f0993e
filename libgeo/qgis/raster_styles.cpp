#include "libgeo/qgis/raster_styles.hpp"

#include "libgeo/core/number_text.hpp"
#include "libgeo/qgis/symbology.hpp"

#include <cmath>
#include <tuple>
#include <vector>

namespace geo::qgis {

namespace {

std::string metres(double m) { return number_text(std::round(m)) + " m"; }

// The elements around the renderer that QGIS expects in every raster pipe.
XmlElement pipe_with(XmlElement renderer)
{
    XmlElement pipe("pipe");
    pipe.add("provider").add("resampling").set("enabled", "false").set("maxOversampling", 2.0)
        .set("zoomedInResamplingMethod", "nearestNeighbour").set("zoomedOutResamplingMethod", "nearestNeighbour");
    pipe.add(std::move(renderer));
    pipe.add("brightnesscontrast").set("brightness", "0").set("contrast", "0").set("gamma", "1");
    pipe.add("huesaturation").set("saturation", "0").set("grayscaleMode", "0").set("invertColors", "0").set("colorizeOn", "0");
    pipe.add("rasterresampler").set("maxOversampling", "2");
    pipe.add_text("resamplingStage", "resamplingFilter");
    return pipe;
}

XmlElement pseudocolour(const char* ramp_type, const std::vector<RampItem>& items, double min, double max, double opacity)
{
    XmlElement renderer("rasterrenderer");
    renderer.set("type", "singlebandpseudocolor").set("band", "1").set("opacity", opacity).set("alphaBand", "-1")
        .set("classificationMin", min).set("classificationMax", max).set("nodataColor", "");
    XmlElement& origin = renderer.add("minMaxOrigin");
    origin.add_text("limits", "None");
    origin.add_text("extent", "WholeRaster");
    origin.add_text("statAccuracy", "Estimated");
    origin.add_text("cumulativeCutLower", "0.02");
    origin.add_text("cumulativeCutUpper", "0.98");
    origin.add_text("stdDevFactor", "2");
    XmlElement& shader = renderer.add("rastershader").add("colorrampshader");
    // classificationMode 1 = continuous: QGIS keeps the items as given instead of re-deriving them from data.
    shader.set("colorRampType", ramp_type).set("classificationMode", "1").set("clip", "0")
        .set("minimumValue", min).set("maximumValue", max).set("labelPrecision", "0");
    for (const auto& item : items)
        shader.add("item").set("value", item.value).set("color", item.colour.hex()).set("alpha", item.colour.a)
            .set("label", item.label);
    return renderer;
}

}  // namespace

std::vector<RampItem> walk_distance_steps(double sight_m, double village_m, double blind_m, const std::string& lang)
{
    const bool zh = lang == "zh";
    return {
        {sight_m, {26, 150, 65, 255}, "≤ " + metres(sight_m) + (zh ? "（视线内）" : " (within sight)")},
        {village_m, {166, 217, 106, 255}, "≤ " + metres(village_m) + (zh ? "（已走区域）" : " (walked area)")},
        {blind_m, {253, 174, 97, 255}, "≤ " + metres(blind_m)},
        // Beyond B is blind only on land to walk (blind_areas says where): "no walk near", not "blind", here.
        {INFINITY, {215, 25, 28, 255}, "> " + metres(blind_m) + (zh ? "（无人走近）" : " (no walk near)")},
    };
}

XmlElement walk_distance_pipe(double sight_m, double village_m, double blind_m, const std::string& lang)
{
    // DISCRETE: QGIS's name for the rule of walk_distance_steps; "inf" closes the scale.
    return pipe_with(pseudocolour("DISCRETE", walk_distance_steps(sight_m, village_m, blind_m, lang), 0, blind_m, 0.7));
}

std::vector<RampItem> density_stops(double max_value, const std::string& lang)
{
    const double top = max_value > 0 && std::isfinite(max_value) ? max_value : 1.0;
    const bool zh = lang == "zh";
    return {
        {0, {255, 255, 178, 0}, "0"},
        {0.1 * top, {254, 204, 92, 160}, ""},
        {0.4 * top, {253, 141, 60, 200}, ""},
        {0.7 * top, {240, 59, 32, 220}, ""},
        {top, {189, 0, 38, 235}, zh ? "高" : "high"},
    };
}

XmlElement density_pipe(double max_value, const std::string& lang)
{
    const auto items = density_stops(max_value, lang);
    XmlElement renderer = pseudocolour("INTERPOLATED", items, 0, items.back().value, 1.0);
    // Exactly zero is clear, not the palest yellow: most of a town has no issues at all.
    renderer.add("rasterTransparency").add("singleValuePixelList").add("pixelListEntry")
        .set("min", 0.0).set("max", 0.0).set("percentTransparent", 100.0);
    return pipe_with(std::move(renderer));
}

}  // namespace geo::qgis
