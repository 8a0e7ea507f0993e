#include "libgeo/render/map_source.hpp"

#include "libgeo/core/error.hpp"

#include <fstream>

namespace geo::render {

MapSource::MapSource(std::filesystem::path folder, Lang lang) : m_folder(std::move(folder)), m_lang(lang)
{
    const auto summary = m_folder / "summary.json";
    std::ifstream in(summary);
    if (!in)
        throw InputError("no summary.json in the output folder", in_file(summary.string()),
                         "run `geowalk run CAMPAIGN --out DIR` first; maps are drawn from its outputs");
    try {
        m_summary = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw InputError(std::string("summary.json is not valid JSON: ") + e.what(), in_file(summary.string()),
                         "re-run geowalk to write it again");
    }
    const auto gpkg = m_folder / "geowalk.gpkg";
    m_gpkg.reset(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!m_gpkg)
        throw InputError("cannot open geowalk.gpkg", in_file(gpkg.string()),
                         "run `geowalk run CAMPAIGN --out DIR` first; maps are drawn from its outputs");
    m_outputs = qgis::project_spec_from_outputs(m_folder, lang == Lang::zh ? "zh" : "en");
}

OGRLayer* MapSource::layer(const std::string& name) const
{
    return m_gpkg->GetLayerByName(name.c_str());
}

std::filesystem::path MapSource::raster(const std::string& file) const
{
    auto path = m_folder / file;
    return std::filesystem::exists(path) ? path : std::filesystem::path{};
}

std::string MapSource::period_text() const
{
    const auto campaign = m_summary.find("campaign");
    if (campaign != m_summary.end()) {
        const auto p = campaign->find("period");
        if (p != campaign->end() && p->is_object())
            return p->value("from", std::string{}) + " – " + p->value("to", std::string{});
    }
    return std::string(words::no_dates(m_lang));
}

}  // namespace geo::render
