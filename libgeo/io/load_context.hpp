#pragma once
// Shared state of one campaign load (internal to io/loader*.cpp).
#include "libgeo/core/campaign.hpp"
#include "libgeo/handles/geos.hpp"
#include "libgeo/io/campaign_file.hpp"
#include "libgeo/io/source.hpp"
#include "libgeo/normalise/to_local.hpp"
#include "libgeo/normalise/village_index.hpp"

#include <map>
#include <memory>
#include <optional>

namespace geo::io::detail {

struct LoadContext {
    const CampaignSpec& spec;
    Campaign& campaign;
    GeosContext geos;
    std::optional<normalise::LonLatBox> area;      // the villages' extent in WGS 84, grown a little
    std::unique_ptr<normalise::VillageIndex> villages;  // set once villages are loaded

    // Cached per source CRS and coords: creating a PROJ transformation costs tens of milliseconds (database
    // look-ups), and a campaign can have thousands of GPX files in one CRS.
    const normalise::ToLocal& to_local(const OpenedLayer& layer, const SourceSpec& source);
    std::map<std::string, std::unique_ptr<normalise::ToLocal>> transforms;
    std::string read_problem;  // what GDAL said while reading the current feature, if anything
    int add_source(Role role, const OpenedLayer& layer);
    // Reports a rejected/repaired/noted feature with its original attributes and geometry.
    void report(int source, OGRFeature* feature, long long fid, std::string_view reason, std::string detail,
                Action action = Action::rejected);
};

void load_villages(LoadContext& ctx);
void load_network(LoadContext& ctx);
void load_sites(LoadContext& ctx);
void load_tracks(LoadContext& ctx);
void load_issues(LoadContext& ctx);

}  // namespace geo::io::detail
