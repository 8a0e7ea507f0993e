#include "libgeo/render/map_source.hpp"

#include "libgeo/export/contract.hpp"

#include "libgeo/core/error.hpp"


namespace geo::render {

MapSource::MapSource(std::filesystem::path folder, output::Manifest manifest, Lang lang)
    : m_folder(std::move(folder)), m_lang(lang), m_manifest(std::move(manifest))
{
    const auto gpkg = m_folder / output::file::gpkg;
    m_gpkg.reset(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!m_gpkg)
        throw InputError("cannot open geowalk.gpkg", in_file(gpkg.string()),
                         "run `geowalk run CAMPAIGN --out DIR` first; maps are drawn from its outputs");
    m_outputs = qgis::project_spec(m_manifest, lang == Lang::zh ? "zh" : "en");
}

MapSource::MapSource(const std::filesystem::path& folder, Lang lang)
    : MapSource(folder, output::read_manifest(folder), lang)
{
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
    const auto campaign = m_manifest.summary.find("campaign");
    if (campaign != m_manifest.summary.end()) {
        const auto p = campaign->find("period");
        if (p != campaign->end() && p->is_object())
            return p->value("from", std::string{}) + " – " + p->value("to", std::string{});
    }
    return std::string(words::no_dates(m_lang));
}

}  // namespace geo::render
